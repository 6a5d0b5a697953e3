"""gr.BrowserState: a JSON value kept in the browser, optionally sealed with a secret."""

from __future__ import annotations

import json

import pytest

import limelight as gr
from limelight.app.api_info import build_api_info
from limelight.testing import AppTester
from tests.support import asgi_client


def test_default_value_is_given_when_nothing_is_stored() -> None:
    state = gr.BrowserState({"visits": 0})
    first = state.preprocess(None)
    first["visits"] = 5
    assert state.preprocess(None) == {"visits": 0}


def test_values_pass_through_without_a_secret() -> None:
    state = gr.BrowserState([], storage_key="todo")
    assert state.postprocess(["a"]) == ["a"]
    assert state.preprocess(["a", "b"]) == ["a", "b"]
    props = state.config()["props"]
    assert props["storage_key"] == "todo"
    assert props["visible"] is False


def test_a_secret_seals_values_and_never_reaches_the_page() -> None:
    state = gr.BrowserState("none", secret="s3cret")
    sealed = state.postprocess({"name": "Ada"})
    assert isinstance(sealed, str) and "Ada" not in sealed
    assert state.preprocess(sealed) == {"name": "Ada"}
    assert state.postprocess({"name": "Ada"}) != sealed  # a fresh nonce each time
    assert "s3cret" not in json.dumps(state.config())
    assert state.preprocess(state.config()["props"]["value"]) == "none"


@pytest.mark.parametrize(
    "stored",
    [
        {"name": "Eve"},
        "plain text",
        "ll1:not base64!!",
        "ll1:",
        "ll1:" + "A" * 100,
    ],
)
def test_a_secret_rejects_values_it_did_not_seal(stored: object) -> None:
    state = gr.BrowserState("default", secret="s3cret")
    assert state.preprocess(stored) == "default"


def test_a_changed_sealed_value_or_another_secret_gives_the_default() -> None:
    state = gr.BrowserState("default", secret="one")
    sealed = state.postprocess("value")
    flipped = sealed[:-6] + ("A" if sealed[-6] != "A" else "B") + sealed[-5:]
    assert state.preprocess(flipped) == "default"
    assert gr.BrowserState("default", secret="two").preprocess(sealed) == "default"


def _app() -> gr.Blocks:
    with gr.Blocks() as demo:
        name = gr.Textbox(label="Name")
        saved = gr.BrowserState("", secret="k")
        greeting = gr.Textbox(label="Greeting")
        gr.Button().click(
            lambda n, s: (f"hi {n}, last time {s or 'nobody'}", n),
            [name, saved],
            [greeting, saved],
            api_name="greet",
        )
    return demo


def test_browser_state_is_an_api_parameter_and_return_as_in_gradio() -> None:
    info = build_api_info(_app(), root_url="http://x/")["named_endpoints"]["/greet"]
    assert [p["component"] for p in info["parameters"]] == ["Textbox", "Browserstate"]
    assert [r["component"] for r in info["returns"]] == ["Textbox", "Browserstate"]
    assert info["parameters"][1]["python_type"]["type"] == "str | float | bool | list | dict"


def test_a_page_stores_the_sealed_output_and_sends_it_back() -> None:
    demo = _app()
    (name, saved), (greeting, _) = demo.fns[0].inputs, demo.fns[0].outputs
    button = demo.fns[0].targets[0][0]
    with AppTester(demo) as page:
        page.set(name, "Ada")
        page.click(button)
        assert page.value(greeting) == "hi Ada, last time nobody"
        sealed = page.value(saved)
        assert isinstance(sealed, str) and "Ada" not in sealed
        later = page.new_page()  # another visit: the browser hands the stored value back
        later.set(saved, sealed)
        later.set(name, "Bob")
        later.click(button)
        assert later.value(greeting) == "hi Bob, last time Ada"


@pytest.mark.anyio
async def test_the_rest_api_sends_browser_state_like_any_value() -> None:
    async with asgi_client(_app()) as client:
        joined = await client.post("/gradio_api/call/greet", json={"data": ["Cy", None]})
        assert joined.status_code == 200, joined.text
        event_id = joined.json()["event_id"]
        stream = await client.get(f"/gradio_api/call/greet/{event_id}")
    assert "hi Cy, last time nobody" in stream.text
