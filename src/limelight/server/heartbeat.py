"""The heartbeat stream: ``GET /gradio_api/heartbeat/{session_hash}``, open while a page is.

Every open page holds one, mostly idle, so it is served by a bare ASGI handler in front
of the routing and middleware: one coroutine per connection instead of a request object,
a streaming response, a task group and a frame per middleware layer. When it closes,
the app's ``unload`` events run, once per session and only for a session that has run an
event: anyone may open a heartbeat, with any hash (docs/security.md #42). A heartbeat
opened from another site's page is refused, since it would run those events too.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import AsyncIterator

import anyio
from starlette.datastructures import Headers
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from limelight.server.http import root_url
from limelight.server.mounting import route_path
from limelight.server.origin import origin_allowed
from limelight.server.services import Services
from limelight.server.submit import app_request
from limelight.server.worker import direct_job

__all__ = ["HEARTBEAT_PREFIX", "HeartbeatEndpoint"]

HEARTBEAT_PREFIX = "/gradio_api/heartbeat/"
ALIVE = b"data: ALIVE\n\n"
HEADERS = [
    (b"content-type", b"text/event-stream; charset=utf-8"),
    (b"cache-control", b"no-cache"),
    (b"x-accel-buffering", b"no"),
]

if sys.version_info >= (3, 11):
    from asyncio import timeout  # lighter than an anyio cancel scope, per idle connection
else:

    @contextlib.asynccontextmanager
    async def timeout(delay: float) -> AsyncIterator[None]:
        """``asyncio.timeout`` for Python 3.10: TimeoutError after ``delay`` seconds."""
        with anyio.fail_after(delay):
            yield


class HeartbeatEndpoint:
    """ASGI middleware answering heartbeat requests itself; everything else passes on."""

    def __init__(self, app: ASGIApp, services: Services) -> None:
        self.app = app
        self.services = services

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        session_hash = _heartbeat_of(scope)
        if session_hash is None:
            await self.app(scope, receive, send)
            return
        if not self._same_site(scope):
            refused = JSONResponse({"detail": "Cross-site heartbeat refused."}, status_code=403)
            await refused(scope, receive, send)
            return
        # One frame per idle connection: no helpers awaited while waiting.
        interval = self.services.settings.heartbeat_interval
        try:
            await send({"type": "http.response.start", "status": 200, "headers": HEADERS})
            while True:
                await send({"type": "http.response.body", "body": ALIVE, "more_body": True})
                try:
                    async with timeout(interval):
                        while (await receive())["type"] != "http.disconnect":
                            pass
                        return
                except TimeoutError:
                    pass
        except OSError:  # the client went away while we wrote
            return
        finally:
            await _session_gone(self.services, session_hash, Request(scope))

    def _same_site(self, scope: Scope) -> bool:
        """Whether the heartbeat may run this app's ``unload``: a browser names the page's
        origin (checked as the origin guard checks it, ``allowed_origins`` included), or
        else marks a request another site's page made (an ``<img>``, say) as cross-site;
        clients that are no browser page send neither header."""
        headers = Headers(scope=scope)
        origin = headers.get("origin")
        if origin is None:
            return headers.get("sec-fetch-site") != "cross-site"
        return origin_allowed(
            self.services.settings, origin, headers.get("host", ""), headers.get("x-forwarded-host")
        )


def _heartbeat_of(scope: Scope) -> str | None:
    """The session hash if ``scope`` is a heartbeat request."""
    if scope["type"] != "http" or scope["method"] != "GET":
        return None
    path = route_path(scope)
    if not path.startswith(HEARTBEAT_PREFIX):
        return None
    session_hash = path[len(HEARTBEAT_PREFIX) :]
    return session_hash if session_hash and "/" not in session_hash else None


async def _session_gone(svc: Services, session_hash: str, request: Request) -> None:
    """The page closed: run ``unload`` events as the queue runs a job, without its event
    stream (a ``gr.Request`` parameter gets the heartbeat's request, as in Gradio). The
    session's State stays until it expires, so a client that reconnects its heartbeat keeps
    its values."""
    unloads = [
        dep
        for dep in svc.app.fns
        if any(event == "unload" for _, event in dep.targets) and dep.fn is not None
    ]
    if not unloads:
        return
    session = await svc.sessions.load(session_hash)
    if session.version == 0:
        # No event ever ran in it: a hash the app never saw (loading it made an empty one).
        await svc.sessions.delete(session_hash)
        return
    if not session.mark_unloaded():
        return
    await svc.sessions.commit(session_hash, session)
    for dep in unloads:
        job = direct_job(
            dep,
            [],
            session_hash=session_hash,
            session=session,
            request=app_request(request, session_hash),
            root_url=root_url(request),
        )
        outcome = await svc.runner.run_now(job)
        if outcome.error is not None:
            svc.runner.final(job, outcome)  # logs the error as a queued job's is
