"""The ASGI app's own layers: gzip only for clients that accept it."""

from __future__ import annotations

import pytest

import limelight as gr
from tests.support import asgi_client

pytestmark = pytest.mark.anyio


def _big_app() -> gr.Blocks:
    with gr.Blocks() as demo:
        for i in range(40):
            gr.Textbox(label=f"Box number {i}", value="some text " * 5)
    return demo


async def test_large_responses_are_gzipped_only_when_the_client_accepts_it() -> None:
    async with asgi_client(_big_app()) as client:
        zipped = await client.get("/config", headers={"accept-encoding": "gzip"})
        plain = await client.get("/config", headers={"accept-encoding": "identity"})
    assert zipped.headers["content-encoding"] == "gzip"
    assert "content-encoding" not in plain.headers
    assert zipped.json() == plain.json()
