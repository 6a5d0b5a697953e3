"""The app factory: an ASGI application serving one limelight app."""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping
from contextlib import AbstractAsyncContextManager, asynccontextmanager, nullcontext
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.gzip import GZipMiddleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Receive, Scope, Send

from limelight.app.blocks_base import BlocksBase
from limelight.server.auth import AuthGuard, DependencyGuard, Login
from limelight.server.fastpath import FastPath
from limelight.server.heartbeat import HeartbeatEndpoint
from limelight.server.http import error
from limelight.server.mcp import create_mcp_endpoint
from limelight.server.origin import HostGuard, OriginGuard
from limelight.server.routes import (
    auth,
    call,
    deep_link,
    embed,
    files,
    info,
    install,
    page,
    queue,
    server_functions,
)
from limelight.server.services import ServerSettings, ServiceImplementations, Services

__all__ = ["create_app"]


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    return error(exc.status_code, exc.detail)


class _GZip(GZipMiddleware):
    """Starlette's gzip, skipped outright for clients that do not accept it (most API
    clients), instead of wrapping their every response in a pass-through responder."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and not any(
            name == b"accept-encoding" and b"gzip" in value for name, value in scope["headers"]
        ):
            await self.app(scope, receive, send)
            return
        await super().__call__(scope, receive, send)


class _App(Starlette):
    def build_middleware_stack(self) -> ASGIApp:
        # The many idle heartbeats skip every other layer; only the login guard, when the
        # app has one, and the origin guard (which lets an embedding page read them) are in
        # front of them.
        heartbeats = HeartbeatEndpoint(super().build_middleware_stack(), self.state.services)
        guarded: ASGIApp = AuthGuard(heartbeats, self.state.login)
        settings: ServerSettings = self.state.services.settings
        if settings.auth_dependency is not None:
            guarded = DependencyGuard(guarded, settings.auth_dependency, settings.auth_message)
        # Outermost: a request to a name the app does not answer to reaches nothing.
        guarded = OriginGuard(guarded, settings)
        return guarded if settings.allowed_hosts is None else HostGuard(guarded, settings)


def create_app(
    app: BlocksBase,
    settings: ServerSettings | None = None,
    app_kwargs: Mapping[str, Any] | None = None,
    *,
    mcp_server: bool = False,
    implementations: ServiceImplementations | None = None,
    services: Services | None = None,
) -> Starlette:
    """An ASGI application for ``app``; its services start and stop with the lifespan.

    ``app_kwargs`` (``launch(app_kwargs=)``) adds to the Starlette application: ``routes``
    after limelight's, ``middleware`` outside limelight's, ``exception_handlers`` over
    limelight's, a ``lifespan`` run inside limelight's (its state reaches requests), and
    ``debug``. ``mcp_server`` adds the MCP server under ``/gradio_api/mcp``.
    ``implementations`` replaces in-memory services with shared ones (a backend's, from
    ``limelight.backends.select``), so that several processes can serve the app.
    ``services`` are the ones to serve with (default: new ones; ``limelight dev`` hands a
    reloaded app those of the app it replaces).
    """
    svc = services if services is not None else Services(app, settings, **(implementations or {}))
    extra = dict(app_kwargs or {})
    user_lifespan = extra.get("lifespan")
    mcp = create_mcp_endpoint(svc) if mcp_server else None
    mcp_running: AbstractAsyncContextManager[None] = (
        mcp.lifespan() if mcp is not None else nullcontext()
    )

    @asynccontextmanager
    async def lifespan(asgi: Starlette) -> AsyncIterator[Any]:
        await svc.start()
        try:
            async with mcp_running:
                if user_lifespan is None:
                    yield
                else:
                    async with user_lifespan(asgi) as state:
                        yield state
        finally:
            await svc.stop()

    # The router tries routes in order and the paths do not overlap: the busiest (calls
    # and the queue) go first, and FastPath serves them ahead of the router.
    busiest = [*call.routes, *queue.routes]
    asgi = _App(
        routes=[
            *busiest,
            *info.routes,
            *files.routes,
            *auth.routes,
            *server_functions.routes,
            *install.routes,
            *deep_link.routes,
            *embed.routes,
            *(mcp.routes if mcp is not None else []),
            # The app's own routes before the pages: a page path is any one segment.
            *extra.get("routes", []),
            *page.routes,
        ],
        middleware=[
            *extra.get("middleware", []),
            Middleware(_GZip, minimum_size=1024),
            Middleware(FastPath, routes=busiest),
        ],
        exception_handlers={HTTPException: _http_error, **extra.get("exception_handlers", {})},
        lifespan=lifespan,
        debug=bool(extra.get("debug", False)),
    )
    asgi.state.services = svc
    asgi.state.login = Login(svc.settings.auth, app.title, svc.tokens, svc.login_limiter)
    return asgi
