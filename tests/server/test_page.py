"""The page at ``/``: the config and the app's ``head=`` in the HTML head."""

from __future__ import annotations

import pytest

import limelight as gr
from limelight.server.routes import page

from ..support import asgi_client

pytestmark = pytest.mark.anyio

TEMPLATE = "<!doctype html><head><!--limelight-head--></head><body></body>"


@pytest.fixture(autouse=True)
def template(monkeypatch: pytest.MonkeyPatch) -> None:
    """A stand-in for the built index.html, so these tests do not need the frontend built."""
    monkeypatch.setattr(page, "_template", lambda: TEMPLATE)


async def test_head_is_added_after_the_config() -> None:
    head = '<meta name="x" content="y"><script>window.seen = 1;</script>'
    with gr.Blocks(head=head, title="T") as demo:
        gr.Textbox()
    async with asgi_client(demo) as client:
        html = (await client.get("/")).text
    assert head in html
    assert html.index("window.gradio_config") < html.index(head) < html.index("</head>")


async def test_no_head_adds_nothing() -> None:
    with gr.Blocks(title="T") as demo:
        gr.Textbox()
    async with asgi_client(demo) as client:
        html = (await client.get("/")).text
    assert html.count("<script>") == 1
