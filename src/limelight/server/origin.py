"""Refuse state-changing requests that a page on another site makes a browser send.

A browser attaches ``Origin`` to cross-site requests. A server bound to a loopback
address accepts them only from loopback origins (so a web page cannot drive a model
running on the user's machine, even with DNS rebinding); any other server accepts them
only from its own origin or ``allowed_origins``. Behind a proxy the app trusts
(``forwarded_allow_ips``), the origin the browser sees is the one the proxy names in
``X-Forwarded-Host``: a page served there may call the app whatever the app is bound to (a
page elsewhere cannot add that header to its request without a CORS preflight, which the
app never grants). Requests without ``Origin`` (API
clients, curl) are not affected. The opaque origin ``null`` (a page opened from a file, a
sandboxed frame) is refused unless ``launch(strict_cors=False)`` lets it call a loopback-bound
server, for pages that embed a locally running app.

An origin the rule accepts may also read the app's answers: its preflights are granted and
its requests answered with ``Access-Control-Allow-Origin`` naming it, so that a page there can
embed the app (``<gradio-app>``, README "Embedding"). No other origin gets a CORS header, and
none gets credentials (the app's login cookie is never sent cross-origin).

``HostGuard`` answers DNS rebinding (docs/security.md #17): a page on ``evil.com`` whose
name the attacker re-points at 127.0.0.1 reaches a local app *same-origin*, with
``Host: evil.com``. A server limelight launched on a loopback address therefore serves only
requests naming a loopback host (or one in ``allowed_hosts``); a server on another address
checks the ``Host`` only when given ``allowed_hosts``.
"""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

from starlette.datastructures import Headers
from starlette.responses import JSONResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from limelight.server.services import ServerSettings

__all__ = ["HostGuard", "OriginGuard", "host_allowed", "is_loopback_host", "origin_allowed"]

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
PREFLIGHT_MAX_AGE = "600"
"""Seconds a browser may reuse a granted preflight."""


def is_loopback_host(host: str) -> bool:
    """Whether ``host`` (a name or address, without port) is this machine."""
    host = host.lower().strip("[]")
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:  # a name such as 127.0.0.1.evil.com, which anyone can register
        return False


def origin_allowed(
    settings: ServerSettings, origin: str, host: str, forwarded_host: str | None = None
) -> bool:
    """Whether a request from ``origin`` to ``host`` (through a proxy at ``forwarded_host``,
    when one says so) may change state."""
    if origin in settings.allowed_origins:
        return True
    if origin == "null":
        return settings.loopback_only and not settings.strict_cors
    parts = urlsplit(origin)
    if not parts.hostname:
        return False
    if (
        forwarded_host
        and settings.trust_forwarded
        and parts.netloc.lower() == forwarded_host.split(",")[0].strip().lower()
    ):
        return True
    if settings.loopback_only:
        return is_loopback_host(parts.hostname)
    return parts.netloc.lower() == host.lower()


def _hostname(host: str) -> str:
    """The name in a ``Host`` header, without its port (``[::1]:7860`` -> ``::1``)."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1 : host.find("]")] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def host_allowed(settings: ServerSettings, host: str, forwarded: bool = False) -> bool:
    """Whether a request naming ``host`` may be served (``forwarded``: it came through a
    proxy the app trusts, which names the public host in ``X-Forwarded-Host``; a page cannot
    add that header to a browser's request without a CORS preflight, never granted)."""
    allowed = settings.allowed_hosts
    if allowed is None or forwarded:
        return True
    name = _hostname(host)
    if settings.loopback_only and is_loopback_host(name):
        return True
    for pattern in allowed:
        pattern = pattern.strip().lower()
        if pattern == "*" or name == pattern.lstrip("."):
            return True
        if pattern.startswith(".") and name.endswith(pattern):
            return True
    return False


class HostGuard:
    """ASGI middleware refusing (400) requests whose ``Host`` the app does not answer to."""

    def __init__(self, app: ASGIApp, settings: ServerSettings) -> None:
        self.app = app
        self.settings = settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            host, forwarded = "", False
            for name, value in scope["headers"]:
                if name == b"host":
                    host = value.decode("latin-1")
                elif name == b"x-forwarded-host":
                    forwarded = self.settings.trust_forwarded
            if not host_allowed(self.settings, host, forwarded):
                detail = (
                    f"Host {host!r} is not allowed. Add it to launch(allowed_hosts=[...]) "
                    "(or LIMELIGHT_ALLOWED_HOSTS) to serve the app under that name."
                )
                await JSONResponse({"detail": detail}, status_code=400)(scope, receive, send)
                return
        await self.app(scope, receive, send)


class OriginGuard:
    """ASGI middleware applying the rule in this module's docstring."""

    def __init__(self, app: ASGIApp, settings: ServerSettings) -> None:
        self.app = app
        self.settings = settings

    def allowed(self, origin: str, host: str, forwarded_host: str | None = None) -> bool:
        """Whether a request from ``origin`` to ``host`` (through a proxy at
        ``forwarded_host``, when one says so) may change state."""
        return origin_allowed(self.settings, origin, host, forwarded_host)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        origin = next((v for k, v in scope["headers"] if k == b"origin"), None)
        if origin is None:
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        text = origin.decode("latin-1")
        host = headers.get("host", "")
        allowed = self.allowed(text, host, headers.get("x-forwarded-host"))
        if scope["method"] == "OPTIONS" and "access-control-request-method" in headers:
            if allowed:
                await _preflight(text, headers)(scope, receive, send)
                return
        elif scope["method"] not in SAFE_METHODS and not allowed:
            response = JSONResponse(
                {"detail": f"Cross-origin request from {text} refused."}, status_code=403
            )
            await response(scope, receive, send)
            return
        if not allowed or urlsplit(text).netloc.lower() == host.lower():
            await self.app(scope, receive, send)
            return
        await self.app(scope, receive, _granting(send, origin))


def _preflight(origin: str, headers: Headers) -> Response:
    """The grant of a preflight from an accepted ``origin``: the method and headers it asks for."""
    granted = {
        "Access-Control-Allow-Origin": origin,
        "Access-Control-Allow-Methods": headers["access-control-request-method"],
        "Access-Control-Max-Age": PREFLIGHT_MAX_AGE,
        "Vary": "Origin",
    }
    asked = headers.get("access-control-request-headers")
    if asked:
        granted["Access-Control-Allow-Headers"] = asked
    # Chromium asks before a page reaches a more private address (a loopback app embedded by
    # a page elsewhere, which allowed_origins accepted).
    if headers.get("access-control-request-private-network") == "true":
        granted["Access-Control-Allow-Private-Network"] = "true"
    return Response(status_code=204, headers=granted)


def _granting(send: Send, origin: bytes) -> Send:
    """``send`` adding the CORS grant for ``origin`` to the response's headers."""

    async def granted(message: Message) -> None:
        if message["type"] == "http.response.start":
            message["headers"] = [
                *message.get("headers", []),
                (b"access-control-allow-origin", origin),
                (b"vary", b"Origin"),
            ]
        await send(message)

    return granted
