"""Swapping the app a running server serves, for ``limelight dev``.

``HotSwap`` is the ASGI application uvicorn serves: it passes each request to the current
app (an application ``create_app`` made) and runs that app's lifespan itself, so that
``swap`` can start a new app's services, route requests to it and stop the old one's while
the server keeps its port and its connections. Open pages listen at
``GET /gradio_api/dev/reload`` (``docs/protocol.md §8.5``): an ``event: reload`` when a new
app is served (the page reloads itself), an ``event: error`` with the traceback as a JSON
string when the edited file failed (the page shows it over the last good app, which keeps
serving), and ``event: heartbeat`` every 15 seconds so that proxies keep the stream open.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import Mapping
from typing import Any

from starlette.applications import Starlette
from starlette.types import ASGIApp, Receive, Scope, Send

from limelight.server.auth import AuthGuard, DependencyGuard
from limelight.server.services import Services

__all__ = ["DEV_RELOAD_PATH", "HotSwap"]

DEV_RELOAD_PATH = "/gradio_api/dev/reload"
HEARTBEAT_SECONDS = 15.0
HEADERS = [
    (b"content-type", b"text/event-stream; charset=utf-8"),
    (b"cache-control", b"no-cache"),
    (b"x-accel-buffering", b"no"),
]


class HotSwap:
    """The ASGI application in front of the app being served, which ``swap`` replaces."""

    def __init__(self, app: Starlette) -> None:
        self.app = app
        self.loop: asyncio.AbstractEventLoop | None = None
        """The server's loop, once it has started: other threads call ``swap`` on it."""
        self._running: contextlib.AsyncExitStack | None = None
        self._state: Mapping[str, Any] | None = None
        self._changed: asyncio.Event | None = None
        """Set (and replaced) when an event is published."""
        self._event: tuple[int, str, str] = (0, "", "")
        """The latest (number, kind, JSON data) sent to open pages; number 0: none yet."""

    @property
    def services(self) -> Services:
        """The services of the app being served."""
        services: Services = self.app.state.services
        return services

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await self._lifespan(receive, send)
            return
        if self._state:
            scope["state"] = {**scope.get("state", {}), **self._state}
        if scope["type"] == "http" and scope["path"] == DEV_RELOAD_PATH:
            await self._guarded(self._reloads)(scope, receive, send)
            return
        await self.app(scope, receive, send)

    async def swap(self, app: Starlette) -> None:
        """Start ``app``, serve it instead of the current app, stop the old one and tell
        open pages to reload. Raises (and keeps serving the current app) if ``app`` fails
        to start."""
        running = contextlib.AsyncExitStack()
        state = await running.enter_async_context(app.router.lifespan_context(app))
        previous, self._running = self._running, running
        self.app, self._state = app, state
        if previous is not None:
            await previous.aclose()
        await self._publish("reload", "{}")

    async def report_error(self, message: str) -> None:
        """Show ``message`` (a traceback) on open pages, over the app still served."""
        await self._publish("error", json.dumps(message))

    async def _publish(self, kind: str, data: str) -> None:
        assert self._changed is not None, "the server has not started"
        self._event = (self._event[0] + 1, kind, data)
        changed, self._changed = self._changed, asyncio.Event()
        changed.set()

    async def _lifespan(self, receive: Receive, send: Send) -> None:
        """The ASGI lifespan protocol, run for the current app and stopping whichever app
        is served at shutdown."""
        await receive()
        self.loop, self._changed = asyncio.get_running_loop(), asyncio.Event()
        running = contextlib.AsyncExitStack()
        try:
            self._state = await running.enter_async_context(
                self.app.router.lifespan_context(self.app)
            )
        except Exception as exc:
            await send({"type": "lifespan.startup.failed", "message": repr(exc)})
            return
        self._running = running
        await send({"type": "lifespan.startup.complete"})
        await receive()
        if self._running is not None:
            await self._running.aclose()
        await send({"type": "lifespan.shutdown.complete"})

    def _guarded(self, endpoint: ASGIApp) -> ASGIApp:
        """``endpoint`` behind the served app's login, as its own routes are."""
        guarded: ASGIApp = AuthGuard(endpoint, self.app.state.login)
        settings = self.services.settings
        if settings.auth_dependency is not None:
            guarded = DependencyGuard(guarded, settings.auth_dependency, settings.auth_message)
        return guarded

    async def _reloads(self, scope: Scope, receive: Receive, send: Send) -> None:
        """The page's stream of reloads and errors: the current error at once, if the
        last edit failed, then each event after the page connected."""
        assert self._changed is not None, "the server has not started"
        # Read together, with no await between: no event is missed or sent twice.
        changed, (seen, kind, data) = self._changed, self._event
        await send({"type": "http.response.start", "status": 200, "headers": HEADERS})
        disconnected = asyncio.ensure_future(_disconnect(receive))
        try:
            if kind == "error":
                await _event(send, kind, data)
            while not disconnected.done():
                waiting = asyncio.ensure_future(changed.wait())
                done, _ = await asyncio.wait(
                    {waiting, disconnected},
                    timeout=HEARTBEAT_SECONDS,
                    return_when=asyncio.FIRST_COMPLETED,
                )
                waiting.cancel()
                changed, (number, kind, data) = self._changed, self._event
                if number != seen:
                    seen = number
                    await _event(send, kind, data)
                elif not done:
                    await _event(send, "heartbeat", "{}")
        except OSError:  # the page went away while we wrote
            return
        finally:
            disconnected.cancel()


async def _event(send: Send, kind: str, data: str) -> None:
    body = f"event: {kind}\ndata: {data}\n\n".encode()
    await send({"type": "http.response.body", "body": body, "more_body": True})


async def _disconnect(receive: Receive) -> None:
    while (await receive())["type"] != "http.disconnect":
        pass
