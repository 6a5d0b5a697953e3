"""Refuse state-changing requests that a page on another site makes a browser send.

A browser attaches ``Origin`` to cross-site requests. A server bound to a loopback
address accepts them only from loopback origins (so a web page cannot drive a model
running on the user's machine, even with DNS rebinding); any other server accepts them
only from its own origin or ``allowed_origins``. Behind a proxy, the origin the browser
sees is the one the proxy names in ``X-Forwarded-Host``: a page served there may call the
app whatever the app is bound to (a page elsewhere cannot add that header to its request
without a CORS preflight, which the app never grants). Requests without ``Origin`` (API
clients, curl) are not affected. The opaque origin ``null`` (a page opened from a file, a
sandboxed frame) is refused unless ``launch(strict_cors=False)`` lets it call a loopback-bound
server, for pages that embed a locally running app.
"""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

from starlette.datastructures import Headers
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from limelight.server.services import ServerSettings

__all__ = ["OriginGuard", "is_loopback_host"]

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def is_loopback_host(host: str) -> bool:
    """Whether ``host`` (a name or address, without port) is this machine."""
    host = host.lower().strip("[]")
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:  # a name such as 127.0.0.1.evil.com, which anyone can register
        return False


class OriginGuard:
    """ASGI middleware applying the rule in this module's docstring."""

    def __init__(self, app: ASGIApp, settings: ServerSettings) -> None:
        self.app = app
        self.settings = settings

    def allowed(self, origin: str, host: str, forwarded_host: str | None = None) -> bool:
        """Whether a request from ``origin`` to ``host`` (through a proxy at
        ``forwarded_host``, when one says so) may change state."""
        if origin in self.settings.allowed_origins:
            return True
        if origin == "null":
            return self.settings.loopback_only and not self.settings.strict_cors
        parts = urlsplit(origin)
        if not parts.hostname:
            return False
        if forwarded_host and parts.netloc.lower() == forwarded_host.split(",")[0].strip().lower():
            return True
        if self.settings.loopback_only:
            return is_loopback_host(parts.hostname)
        return parts.netloc.lower() == host.lower()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] not in SAFE_METHODS:
            headers = Headers(scope=scope)
            origin = headers.get("origin")
            if origin is not None and not self.allowed(
                origin, headers.get("host", ""), headers.get("x-forwarded-host")
            ):
                response = JSONResponse(
                    {"detail": f"Cross-origin request from {origin} refused."}, status_code=403
                )
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)
