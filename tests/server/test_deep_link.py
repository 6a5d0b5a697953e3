"""Deep links: a session's values saved by ``GET /gradio_api/deep_link`` and restored by
a page opened with ``?deep_link=``."""

from __future__ import annotations

from pathlib import Path

import pytest

import limelight as gr
from limelight.server.routes import page
from limelight.server.services import ServerSettings
from tests.server.test_pages import TEMPLATE, embedded
from tests.support import asgi_client, completion, run_event

pytestmark = pytest.mark.anyio


@pytest.fixture(autouse=True)
def template(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(page, "_template", lambda: TEMPLATE)


def greeter() -> tuple[gr.Blocks, gr.Textbox, gr.Textbox]:
    with gr.Blocks() as demo:
        name = gr.Textbox(label="Name")
        greeting = gr.Textbox(label="Greeting", visible=False)
        gr.Button("Greet").click(
            lambda n: gr.Textbox(value=f"Hello {n}!", visible=True), name, greeting
        )
        gr.DeepLinkButton()
    return demo, name, greeting


async def test_a_link_restores_what_the_session_sent_and_received(tmp_path: Path) -> None:
    demo, name, greeting = greeter()
    async with asgi_client(demo, ServerSettings(cache_dir=str(tmp_path))) as client:
        completion(await run_event(client, 0, ["Ada"], session_hash="s1"))
        link = (await client.get("/gradio_api/deep_link", params={"session_hash": "s1"})).json()
        again = (await client.get("/gradio_api/deep_link", params={"session_hash": "s1"})).json()
        restored = embedded((await client.get("/", params={"deep_link": link})).text)
        plain = embedded((await client.get("/")).text)
        served = (await client.get("/config", params={"deep_link": link})).json()
    assert link == again and len(link) == 32
    props = {c["id"]: c["props"] for c in restored["components"]}
    assert props[name.id]["value"] == "Ada"
    assert props[greeting.id]["value"] == "Hello Ada!"
    assert props[greeting.id]["visible"] is True
    assert restored["deep_link_state"] == "valid" and served["deep_link_state"] == "valid"
    assert {c["id"]: c["props"] for c in served["components"]}[name.id]["value"] == "Ada"
    assert plain["deep_link_state"] == "none"
    assert {c["id"]: c["props"] for c in plain["components"]}[name.id].get("value") in ("", None)


async def test_unknown_sessions_and_links(tmp_path: Path) -> None:
    demo, _, _ = greeter()
    async with asgi_client(demo, ServerSettings(cache_dir=str(tmp_path))) as client:
        none = (await client.get("/gradio_api/deep_link", params={"session_hash": "new"})).json()
        bad = embedded((await client.get("/", params={"deep_link": "../../etc/passwd"})).text)
        gone = embedded((await client.get("/", params={"deep_link": "0" * 32})).text)
    assert none == ""
    assert bad["deep_link_state"] == "invalid" and gone["deep_link_state"] == "invalid"
