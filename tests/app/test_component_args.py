"""A parameter annotated with a component class receives the component; returning it
updates the component's props and value (Gradio 6)."""

from __future__ import annotations

from typing import Any

import pytest

import limelight as gr
from limelight.app.config import build_config
from limelight.testing import AppTester
from tests.support import asgi_client, completion, run_event


def app() -> tuple[gr.Blocks, gr.Number]:
    def show(x: gr.Number) -> dict[str, Any]:
        return {"value": x.value, "maximum": x.maximum, "info": x.info}

    def double(request: gr.Request, x: gr.Number) -> gr.Number:
        x.maximum *= 2
        x.value = (x.value or 0) * 2
        x.info = f"Up to {x.maximum}"
        return x

    with gr.Blocks() as demo:
        number = gr.Number(value=5, minimum=0, maximum=10, info="Up to 10")
        shown = gr.JSON()
        gr.Button("Show").click(show, number, shown)
        gr.Button("Double").click(double, number, number)
    return demo, number


def _button(page: AppTester, text: str) -> int:
    return page.find(type="button", value=text)


def test_the_function_sees_the_props_and_the_value() -> None:
    demo, _ = app()
    with AppTester(demo) as page:
        shown = page.click(_button(page, "Show")).output
    assert shown == {"value": 5, "maximum": 10, "info": "Up to 10"}


def test_returning_it_updates_what_changed_and_the_session_keeps_it() -> None:
    demo, number = app()
    with AppTester(demo) as page:
        doubled = page.click(_button(page, "Double")).output
        assert doubled == {"__type__": "update", "maximum": 20, "info": "Up to 20", "value": 10}
        assert (page.value(number), page.props(number)["maximum"]) == (10, 20)
        seen = page.click(_button(page, "Show")).output
    assert seen == {"value": 10, "maximum": 20, "info": "Up to 20"}


@pytest.mark.anyio
async def test_the_page_sends_the_value_under_value_as_in_gradio() -> None:
    demo, _ = app()
    deps = build_config(demo)["dependencies"]
    assert [d["component_prop_inputs"] for d in deps] == [[0], [0]]
    async with asgi_client(demo) as client:
        done = completion(await run_event(client, 0, [{"value": 7, "maximum": 99}]))
    assert done["output"]["data"] == [{"value": 7, "maximum": 10, "info": "Up to 10"}]


def test_a_bare_file_from_gradio_client_carries_no_value_as_in_gradio() -> None:
    def resize(x: gr.Image) -> gr.Image:
        x.width = 400
        return x

    with gr.Blocks() as demo:
        image = gr.Image(type="filepath")
        gr.Button().click(resize, image, image)
    bare = {"path": "https://example.com/a.png", "meta": {"_type": "gradio.FileData"}}
    with AppTester(demo) as page:
        done = page.call("resize", bare)  # as gradio_client sends it: not under "value"
    assert done.data == [{"__type__": "update", "width": 400, "value": None}]
