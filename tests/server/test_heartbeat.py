"""The heartbeat stream, served in front of the routing: ALIVE every interval, unload at
the end, and nothing else intercepted."""

from __future__ import annotations

from typing import Any

import anyio
import pytest

import limelight as gr
from limelight.server.services import ServerSettings
from tests.support import asgi_app_and_client, completion, get_until_disconnect, run_event

pytestmark = pytest.mark.anyio


async def test_heartbeat_repeats_alive_every_interval() -> None:
    with gr.Blocks() as demo:
        gr.State(0)
    settings = ServerSettings(heartbeat_interval=0.01)
    async with asgi_app_and_client(demo, settings) as (app, _):
        with anyio.fail_after(5):
            body = await get_until_disconnect(
                app,
                "/gradio_api/heartbeat/abc",
                "",
                anyio.Event(),
                disconnect_when=lambda sent: sent.count(b"ALIVE") >= 3,
            )
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


async def test_an_unload_handler_ends_at_its_time_limit_and_the_next_one_runs(
    caplog: pytest.LogCaptureFixture,
) -> None:
    ran: list[str] = []

    async def never_done() -> None:
        await anyio.Event().wait()  # stands for work that outlasts the limit

    with gr.Blocks() as demo:
        gr.Button().click(lambda: None)
        demo.unload(never_done).time_limit = 0.05
        demo.unload(lambda: ran.append("second"))
    async with asgi_app_and_client(demo) as (app, client):
        await run_event(client, 0, [], session_hash="page1")
        gone = anyio.Event()
        gone.set()
        with anyio.fail_after(5):
            await get_until_disconnect(app, "/gradio_api/heartbeat/page1", "", gone)
    assert ran == ["second"]
    assert "time limit of 0.05 seconds" in caplog.text


async def test_a_sessions_state_outlives_its_unload_handlers() -> None:
    with gr.Blocks() as demo:
        count, shown = gr.State(0), gr.Number()
        button = gr.Button()
        button.click(lambda n: n + 1, count, count)
        button.click(lambda n: n, count, shown)
        demo.unload(lambda: None)
    async with asgi_app_and_client(demo) as (app, client):
        await run_event(client, 0, [None], session_hash="page1")
        gone = anyio.Event()
        gone.set()
        await get_until_disconnect(app, "/gradio_api/heartbeat/page1", "", gone)
        after = completion(await run_event(client, 1, [None], session_hash="page1"))
    assert after["output"]["data"] == [1]


async def test_unload_runs_once_and_only_for_sessions_the_app_knows() -> None:
    # The attack: GET /gradio_api/heartbeat/<any hash>, closed at once, over and over, ran
    # the app's unload function once per request, for hashes that never existed
    # (docs/security.md #42).
    ran: list[str | None] = []
    with gr.Blocks() as demo:
        gr.Button().click(lambda: None)

        def bye(request: gr.Request) -> None:
            ran.append(request.session_hash)

        demo.unload(bye)
    async with asgi_app_and_client(demo) as (app, client):
        gone = anyio.Event()
        gone.set()
        for n in range(20):
            await get_until_disconnect(app, f"/gradio_api/heartbeat/made-up-{n}", "", gone)
        assert ran == []
        assert len(app.state.services.sessions) == 0  # nor does a made-up hash stay stored
        await run_event(client, 0, [], session_hash="page1")
        for _ in range(3):
            await get_until_disconnect(app, "/gradio_api/heartbeat/page1", "", gone)
    assert ran == ["page1"]


async def test_a_heartbeat_from_another_site_is_refused() -> None:
    ran: list[str] = []
    with gr.Blocks() as demo:
        gr.Button().click(lambda: None)
        demo.unload(lambda: ran.append("unload"))
    async with asgi_app_and_client(demo) as (_, client):
        await run_event(client, 0, [], session_hash="page1")
        url = "/gradio_api/heartbeat/page1"
        with anyio.fail_after(5):  # an accepted heartbeat would stream until then
            foreign = await client.get(url, headers={"Origin": "https://evil.example"})
            fetched = await client.get(url, headers={"Sec-Fetch-Site": "cross-site"})
    assert (foreign.status_code, fetched.status_code) == (403, 403)
    assert ran == []
