"""``FastPath``: the busiest routes (a call's request and its event stream, the queue's
join and data) served without the router's per-request layers.

Starlette's router matches a request by trying each route in order, then wraps the endpoint
in a request adapter and an exception-handling layer, and every message the response sends
passes through that layer's wrapper. The busiest routes come first in the route list, so
the first of them that matches is the route the router would choose; this middleware, the
innermost one (after the origin guard and gzip), calls that route's endpoint itself and
turns ``HTTPException`` into the same JSON error the app's handler gives. Anything else
(other routes, a method a route does not take) passes on to the router unchanged.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Match, Route
from starlette.types import ASGIApp, Receive, Scope, Send

from limelight.server.http import error

__all__ = ["FastPath"]

Endpoint = Callable[[Request], Awaitable[Response]]


class FastPath:
    """ASGI middleware serving ``routes`` (which must lead the app's route list) directly."""

    def __init__(self, app: ASGIApp, routes: Sequence[Route]) -> None:
        self.app = app
        self.routes = list(routes)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            for route in self.routes:
                match, child = route.matches(scope)
                if match is Match.FULL:
                    scope.update(child)
                    await _serve(child["endpoint"], scope, receive, send)
                    return
        await self.app(scope, receive, send)


async def _serve(endpoint: Endpoint, scope: Scope, receive: Receive, send: Send) -> None:
    request = Request(scope, receive, send)
    try:
        response = await endpoint(request)
    except HTTPException as exc:  # raised before any response started: answer with JSON
        response = error(exc.status_code, exc.detail)
    await response(scope, receive, send)
