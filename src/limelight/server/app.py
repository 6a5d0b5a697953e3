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

from ..blocks_base import BlocksBase
from .auth import AuthGuard, Login
from .http import error
from .origin import OriginGuard
from .routes import auth, call, files, info, page, queue
from .services import ServerSettings, Services

__all__ = ["create_app"]


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    return error(exc.status_code, exc.detail)


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

    login = Login(svc.settings.auth, app.title)
    asgi = Starlette(
        routes=[
            *info.routes,
            *queue.routes,
            *call.routes,
            *files.routes,
            *auth.routes,
            *page.routes,
        ],
        middleware=[
            Middleware(OriginGuard, settings=svc.settings),
            Middleware(AuthGuard, login=login),
            Middleware(GZipMiddleware, minimum_size=1024),
        ],
        exception_handlers={HTTPException: _http_error},
        lifespan=lifespan,
    )
    asgi.state.services = svc
    asgi.state.login = login
    return asgi
