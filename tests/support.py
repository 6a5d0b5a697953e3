"""Helpers the tests share for the protocol itself: an in-process client for an app, joins
and event streams read by hand. Tests of what an app does use ``limelight.testing``."""

from __future__ import annotations

import socket
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from typing import Any

import anyio
import httpx
from starlette.applications import Starlette

from limelight.app.blocks_base import BlocksBase
from limelight.interfaces.blocks import Blocks
from limelight.server import create_app
from limelight.server.launch import ConnectionLimits, RunningServer
from limelight.server.services import ServerSettings
from limelight.testing.results import parse_event_stream


@asynccontextmanager
async def asgi_client(
    demo: BlocksBase, settings: ServerSettings | None = None
) -> AsyncIterator[httpx.AsyncClient]:
    """An httpx client talking to ``demo`` in-process (lifespan included)."""
    async with asgi_app_and_client(demo, settings) as (_, client):
        yield client


@asynccontextmanager
async def asgi_app_and_client(
    demo: BlocksBase, settings: ServerSettings | None = None
) -> AsyncIterator[tuple[Starlette, httpx.AsyncClient]]:
    """Like ``asgi_client``, also giving the ASGI app (for raw ASGI calls and its services)."""
    app = create_app(demo, settings)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1:7860") as c:
            yield app, c


sse_messages = parse_event_stream
"""The JSON ``data:`` payloads of an SSE body, in order (named events included): the parser
``limelight.testing`` reads event streams with."""


async def run_event(
    client: httpx.AsyncClient, fn_index: int, data: list[Any], session_hash: str = "test"
) -> list[dict[str, Any]]:
    """Join the queue and read the session stream to its end; returns the messages."""
    joined = await client.post(
        "/gradio_api/queue/join",
        json={"data": data, "fn_index": fn_index, "session_hash": session_hash},
    )
    assert joined.status_code == 200, joined.text
    stream = await client.get("/gradio_api/queue/data", params={"session_hash": session_hash})
    return sse_messages(stream.text)


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def launch_on_loopback(demo: Blocks, **launch_args: Any) -> str:
    """Launch ``demo`` on a free loopback port without blocking; returns its URL."""
    demo.launch(
        server_name="127.0.0.1",
        server_port=free_port(),
        prevent_thread_lock=True,
        quiet=True,
        **launch_args,
    )
    assert demo.local_url is not None
    return demo.local_url


@contextmanager
def serving(asgi: Starlette, limits: ConnectionLimits | None = None) -> Iterator[str]:
    """Serve ``asgi`` (its lifespan included) with uvicorn on a free loopback port for the
    block; gives its URL, without a trailing slash."""
    server = RunningServer(asgi, "127.0.0.1", free_port(), limits=limits)
    server.start()
    try:
        yield f"http://127.0.0.1:{server.port}"
    finally:
        server.stop()


async def join(
    client: httpx.AsyncClient,
    fn_index: int,
    data: list[Any],
    session_hash: str = "test",
    **extra: Any,
) -> str:
    """Join the queue without reading the stream; returns the event id."""
    joined = await client.post(
        "/gradio_api/queue/join",
        json={"data": data, "fn_index": fn_index, "session_hash": session_hash, **extra},
    )
    assert joined.status_code == 200, joined.text
    event_id: str = joined.json()["event_id"]
    return event_id


async def read_session(client: httpx.AsyncClient, session_hash: str) -> list[dict[str, Any]]:
    """Read the session's queue stream until the server closes it."""
    stream = await client.get("/gradio_api/queue/data", params={"session_hash": session_hash})
    assert stream.status_code == 200, stream.text
    return sse_messages(stream.text)


def kinds(messages: list[dict[str, Any]]) -> list[str]:
    """The ``msg`` of each message, in order."""
    return [m["msg"] for m in messages]


def completion(messages: list[dict[str, Any]], event_id: str | None = None) -> dict[str, Any]:
    """The one ``process_completed`` message (of ``event_id``, when given)."""
    found = [
        m
        for m in messages
        if m["msg"] == "process_completed" and (event_id is None or m["event_id"] == event_id)
    ]
    assert len(found) == 1, messages
    return found[0]


async def get_until_disconnect(
    app: Starlette,
    path: str,
    query: str,
    disconnect: anyio.Event,
    *,
    first_body: anyio.Event | None = None,
    disconnect_when: Callable[[bytes], bool] | None = None,
) -> bytes:
    """GET ``path`` as a raw ASGI call whose client goes away once ``disconnect`` is set
    (httpx's ASGI transport cannot disconnect mid-response); returns the body sent.
    ``first_body``, when given, is set once the first bytes of the body arrive;
    ``disconnect_when(body)``, when given, sets ``disconnect`` once the body so far holds."""
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": query.encode(),
        "root_path": "",
        "headers": [(b"host", b"127.0.0.1:7860")],
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 7860),
    }
    body = bytearray()

    async def receive() -> dict[str, Any]:
        await disconnect.wait()
        return {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        body.extend(message.get("body", b""))
        if first_body is not None and body:
            first_body.set()
        if disconnect_when is not None and disconnect_when(bytes(body)):
            disconnect.set()

    await app(scope, receive, send)
    return bytes(body)


async def wait_until(condition: Callable[[], bool | Awaitable[bool]], timeout: float = 5.0) -> None:
    """Poll ``condition`` (a function, or a coroutine function) until it holds (failing
    after ``timeout`` seconds)."""
    with anyio.fail_after(timeout):
        while True:
            held = condition()
            if held if isinstance(held, bool) else await held:
                return
            await anyio.sleep(0.005)


class FakeClock:
    """A clock for code that takes one (``clock=``): it stands still until a test moves
    ``now``, so nothing waits on real time."""

    def __init__(self, now: float = 1_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now
