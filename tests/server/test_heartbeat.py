"""The heartbeat stream, served in front of the routing: ALIVE every interval, unload at
the end, and nothing else intercepted."""

from __future__ import annotations

from typing import Any

import anyio
import pytest

import limelight as gr
from limelight.server.services import ServerSettings
from tests.support import asgi_app_and_client, get_until_disconnect

pytestmark = pytest.mark.anyio


async def test_heartbeat_repeats_alive_every_interval() -> None:
    with gr.Blocks() as demo:
        gr.State(0)
    settings = ServerSettings(heartbeat_interval=0.01)
    async with asgi_app_and_client(demo, settings) as (app, _):
        disconnect = anyio.Event()
        body = b""

        async def heartbeat() -> None:
            nonlocal body
            body = await get_until_disconnect(app, "/gradio_api/heartbeat/abc", "", disconnect)

        async with anyio.create_task_group() as tg:
            tg.start_soon(heartbeat)
            await anyio.sleep(0.2)
            disconnect.set()
    assert body.startswith(b"data: ALIVE\n\ndata: ALIVE\n\n")
    assert set(body.split(b"\n\n")) == {b"data: ALIVE", b""}


async def test_heartbeat_headers_and_other_requests_pass_through() -> None:
    with gr.Blocks() as demo:
        gr.State(0)
    async with asgi_app_and_client(demo) as (app, client):
        sent: list[dict[str, Any]] = []

        async def receive() -> dict[str, Any]:
            return {"type": "http.disconnect"}

        async def send(message: dict[str, Any]) -> None:
            sent.append(message)

        scope = {
            "type": "http",
            "method": "GET",
            "path": "/app/gradio_api/heartbeat/abc",
            "root_path": "/app",
            "query_string": b"",
            "headers": [],
        }
        await app(scope, receive, send)
        assert sent[0]["status"] == 200
        headers = dict(sent[0]["headers"])
        assert headers[b"content-type"].startswith(b"text/event-stream")
        assert headers[b"cache-control"] == b"no-cache"
        assert sent[1]["body"] == b"data: ALIVE\n\n"
        assert (await client.post("/gradio_api/heartbeat/abc")).status_code in (404, 405)
        assert (await client.get("/gradio_api/heartbeat/a/b")).status_code == 404
