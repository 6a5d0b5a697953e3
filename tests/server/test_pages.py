"""Multipage apps over the real protocol: each page's HTML, ``/config``, events, the API."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

import limelight as gr
from limelight.server.routes import page
from tests.support import asgi_client, completion, run_event

pytestmark = pytest.mark.anyio

TEMPLATE = "<!doctype html><head><!--limelight-head--></head><body></body>"


@pytest.fixture(autouse=True)
def template(monkeypatch: pytest.MonkeyPatch) -> None:
    """A stand-in for the built index.html, so these tests do not need the frontend built."""
    monkeypatch.setattr(page, "_template", lambda: TEMPLATE)


def embedded(html: str) -> dict[str, Any]:
    """The config a page embeds, with the shared defaults merged back as the page does."""
    match = re.search(r'id="gradio-config">(.*?)</script>', html)
    assert match is not None
    config: dict[str, Any] = json.loads(match[1])
    defaults = config.pop("defaults")
    shared = defaults["components"]
    config["components"] = [
        {**shared[c["type"]], **c, "props": {**shared[c["type"]]["props"], **c["props"]}}
        for c in config["components"]
    ]
    config["dependencies"] = [{**defaults["dependency"], **d} for d in config["dependencies"]]
    return config


def two_pages() -> tuple[gr.Blocks, gr.Textbox, gr.Number]:
    with gr.Blocks() as demo:
        name = gr.Textbox(label="Name")
        gr.Button("Greet").click(lambda n: f"Hello {n}!", name, name, api_name="greet")
    with demo.route("Count Up", "/count/") as counter:
        count = gr.Number(label="Count")
        gr.Button("Add").click(lambda n: n + 1, count, count, api_name="increment")
        counter.load(lambda: 5, None, count)
    return demo, name, count


async def test_each_page_embeds_only_its_own_blocks_and_listeners() -> None:
    demo, name, count = two_pages()
    async with asgi_client(demo) as client:
        home = embedded((await client.get("/")).text)
        other = embedded((await client.get("/count")).text)
    assert home["current_page"] == "" and other["current_page"] == "count"
    assert name.id in {c["id"] for c in home["components"]}
    assert count.id not in {c["id"] for c in home["components"]}
    assert {c["id"] for c in other["components"]} >= {count.id}
    assert name.id not in {c["id"] for c in other["components"]}
    assert [d["api_name"] for d in home["dependencies"]] == ["greet"]
    assert [d["api_name"] for d in other["dependencies"]] == ["increment", "lambda"]
    assert other["layout"]["id"] == 0
    assert other["pages"] == [["", "Home", True], ["count", "Count Up", True]]


async def test_config_lists_every_page_as_gradio_does() -> None:
    demo, name, count = two_pages()
    async with asgi_client(demo) as client:
        config = (await client.get("/config")).json()
    assert config["pages"] == [["", "Home", True], ["count", "Count Up", True]]
    assert set(config["page"]) == {"", "count"}
    assert name.id in config["page"][""]["components"]
    assert count.id in config["page"]["count"]["components"]
    assert config["page"]["count"]["dependencies"] == [1, 2]
    assert len(config["components"]) == len(demo.blocks)


async def test_events_of_every_page_run_and_are_listed_in_the_api() -> None:
    demo, _, _ = two_pages()
    async with asgi_client(demo) as client:
        info = (await client.get("/gradio_api/info")).json()
        done = completion(await run_event(client, 1, [2]))
    assert list(info["named_endpoints"]) == ["/greet", "/increment", "/lambda"]
    assert done["output"]["data"] == [3]


async def test_unknown_paths_are_not_found_and_a_trailing_slash_redirects() -> None:
    demo, _, _ = two_pages()
    async with asgi_client(demo) as client:
        missing = await client.get("/nowhere")
        slash = await client.get("/count/", follow_redirects=False)
    assert missing.status_code == 404
    assert slash.status_code == 301
    assert slash.headers["location"] == "../count"


async def test_an_interface_rendered_on_a_page_joins_that_page() -> None:
    with gr.Blocks() as demo:
        gr.Textbox()
    iface = gr.Interface(lambda x: x, "text", "text", api_name="predict")
    with demo.route("Interface"):
        iface.render()
    async with asgi_client(demo) as client:
        config = (await client.get("/config")).json()
    section = config["page"]["interface"]
    names = [d["api_name"] for d in config["dependencies"] if d["id"] in section["dependencies"]]
    assert "predict" in names
    assert config["page"][""]["dependencies"] == []
