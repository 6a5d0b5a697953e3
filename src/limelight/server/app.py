"""The app factory: an ASGI application serving one limelight app."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.gzip import GZipMiddleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Receive, Scope, Send

from ..blocks_base import BlocksBase
from .auth import AuthGuard, Login
from .fastpath import FastPath
from .heartbeat import HeartbeatEndpoint
from .http import error
from .origin import OriginGuard
from .routes import auth, call, deep_link, files, info, page, queue, server_functions
from .services import ServerSettings, Services

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
        # The many idle heartbeats skip every other layer (they are GETs, so the origin
        # guard has nothing to check); only the login guard, when the app has one, is
        # in front of them.
        heartbeats = HeartbeatEndpoint(super().build_middleware_stack(), self.state.services)
        return AuthGuard(heartbeats, self.state.login)


def create_app(app: BlocksBase, settings: ServerSettings | None = None) -> Starlette:
    """An ASGI application for ``app``; its services start and stop with the lifespan."""
    svc = Services(app, settings)

    @asynccontextmanager
    async def lifespan(_: Starlette) -> AsyncIterator[None]:
        await svc.start()
        try:
            yield
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
            *deep_link.routes,
            *page.routes,
        ],
        middleware=[
            Middleware(OriginGuard, settings=svc.settings),
            Middleware(_GZip, minimum_size=1024),
            Middleware(FastPath, routes=busiest),
        ],
        exception_handlers={HTTPException: _http_error},
        lifespan=lifespan,
    )
    asgi.state.services = svc
    asgi.state.login = Login(svc.settings.auth, app.title)
    return asgi
