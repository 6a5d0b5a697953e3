"""FastPath: the busiest routes answer as the router would, errors and methods included."""

from __future__ import annotations

import pytest
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from starlette.types import Message, Receive, Scope, Send

import limelight as gr
from limelight.server.fastpath import FastPath
from tests.support import asgi_app_and_client, sse_messages

pytestmark = pytest.mark.anyio


def _app() -> gr.Blocks:
    with gr.Blocks() as demo:
        box = gr.Textbox()
        gr.Button().click(lambda text: text.upper(), box, box, api_name="shout")
    return demo


async def test_the_busiest_routes_are_served_ahead_of_the_router() -> None:
    async with asgi_app_and_client(_app()) as (app, client):
        started = await client.post("/gradio_api/call/v2/shout", json={"text": "hi"})
        event_id = started.json()["event_id"]
        events = await client.get(f"/gradio_api/call/v2/shout/{event_id}")
        layers, stack = [], app.middleware_stack  # built by the first request
        while stack is not None:
            layers.append(type(stack).__name__)
            stack = getattr(stack, "app", None)
    assert layers.index("OriginGuard") < layers.index("FastPath") < layers.index("Router")
    assert sse_messages(events.text) == [{"event": "complete", "data": ["HI"]}]
    assert events.headers["content-type"].startswith("text/event-stream")


async def test_errors_are_the_apps_json_errors() -> None:
    async with asgi_app_and_client(_app()) as (_, client):
        unknown = await client.post("/gradio_api/call/v2/nope", json={})
        bad = await client.post("/gradio_api/call/shout", json={"data": "x"})
        no_event = await client.get("/gradio_api/call/shout/0123")
        no_session = await client.get("/gradio_api/queue/data")
    assert unknown.status_code == 404 and "nope" in unknown.json()["detail"]
    assert bad.status_code == 422 and "data" in bad.json()["detail"]
    assert no_event.status_code == 404 and "0123" in no_event.json()["detail"]
    assert no_session.status_code == 422


async def test_other_methods_and_paths_still_reach_the_router() -> None:
    async with asgi_app_and_client(_app()) as (_, client):
        wrong_method = await client.get("/gradio_api/queue/join")
        other = await client.get("/gradio_api/info")
    assert wrong_method.status_code == 405
    assert other.status_code == 200


async def test_only_full_matches_are_claimed() -> None:
    async def endpoint(request: Request) -> Response:
        raise AssertionError("not reached")

    seen: list[str] = []

    async def router(scope: Scope, receive: Receive, send: Send) -> None:
        seen.append(scope["path"])

    async def nothing() -> Message:
        return {}

    async def drop(message: Message) -> None:
        pass

    fast = FastPath(router, [Route("/x/{name}", endpoint, methods=["POST"])])
    for path in ("/x/a", "/x/a/b", "/y"):
        scope: Scope = {"type": "http", "method": "GET", "path": path, "headers": []}
        await fast(scope, nothing, drop)
    assert seen == ["/x/a", "/x/a/b", "/y"]
