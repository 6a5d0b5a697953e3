"""Password protection: ``launch(auth=...)`` puts the whole app behind a login.

``auth`` is a ``(username, password)`` pair, a list of them, or a function
``(username, password) -> bool`` (it may be async). Logging in (``POST /login``, what the
login page and ``gradio_client``'s ``auth=`` do) gives an ``HttpOnly`` cookie holding a
random token; every other route but the login page, its assets and ``/logout`` answers 401
without one. Passwords are compared in constant time, a failure never says whether the
user exists, and an address that fails too often is refused for a while (429).
Tokens and failure counts live behind ``TokenStore`` and ``LoginLimiter``
(``server/logins.py``) so that replicas can share them.
"""

from __future__ import annotations

import hashlib
import hmac
import inspect
import secrets
from collections.abc import Awaitable, Callable, Sequence

from starlette.datastructures import Headers
from starlette.requests import HTTPConnection, Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from limelight.server.login_page import login_page
from limelight.server.logins import LoginLimiter, TokenStore
from limelight.server.mounting import route_path

__all__ = [
    "AuthGuard",
    "AuthSpec",
    "Authenticator",
    "DependencyGuard",
    "Login",
    "UserOf",
    "current_user",
]

AuthSpec = (
    tuple[str, str]
    | Sequence[tuple[str, str]]
    | Callable[[str, str], bool]
    | Callable[[str, str], Awaitable[bool]]
)

PUBLIC_PATHS = frozenset({"/login", "/login/", "/logout", "/logout/", "/login_check", "/theme.css"})
PUBLIC_PREFIXES = ("/assets/",)
USER_KEY = "limelight.user"
"""Where the guard leaves the logged-in username in the ASGI scope."""


class Authenticator:
    """Checks a username and password against the app's ``auth``."""

    def __init__(self, auth: AuthSpec, message: str | None = None) -> None:
        self.message = message
        self._check: Callable[[str, str], bool | Awaitable[bool]]
        if callable(auth):
            self._check = auth
            return
        pairs = [auth] if _is_pair(auth) else list(auth)
        if not pairs or not all(_is_pair(p) for p in pairs):
            raise ValueError(
                "auth= takes a (username, password) pair, a list of them or a function"
            )
        users = {str(user): str(password) for user, password in pairs}

        def check(username: str, password: str) -> bool:
            # Compare against a dummy for unknown users too, so timing does not tell them apart.
            expected = users.get(username, secrets.token_hex(16))
            matched = hmac.compare_digest(password.encode(), expected.encode())
            return matched and username in users

        self._check = check

    async def verify(self, username: str, password: str) -> bool:
        """Whether these credentials log in."""
        result = self._check(username, password)
        if inspect.isawaitable(result):
            result = await result
        return bool(result)


def _is_pair(value: object) -> bool:
    return (
        isinstance(value, (tuple, list))
        and len(value) == 2
        and all(isinstance(v, str) for v in value)
    )


def cookie_name(title: str) -> str:
    """The login cookie's name: distinct per app (two apps on one host do not clash) and
    the same in every replica of one app."""
    return f"access-token-{hashlib.sha256(title.encode()).hexdigest()[:8]}"


def current_user(scope: Scope) -> str | None:
    """The logged-in username the guard found for this request (None without auth)."""
    user = scope.get(USER_KEY)
    return user if isinstance(user, str) else None


class Login:
    """An app's login: who may log in, the tokens handed out, and the failure limiter
    (both made with the app's other services, ``server/services.py``)."""

    def __init__(
        self,
        authenticator: Authenticator | None,
        title: str,
        tokens: TokenStore,
        limiter: LoginLimiter,
    ) -> None:
        self.authenticator = authenticator
        self.title = title
        self.tokens = tokens
        self.cookie = cookie_name(title)
        self.limiter = limiter

    async def user(self, connection: HTTPConnection) -> str | None:
        """Who the request's login cookie belongs to (None: nobody)."""
        token = connection.cookies.get(self.cookie)
        return await self.tokens.user(token) if token else None

    def set_cookie(self, response: Response, token: str, secure: bool) -> None:
        """Give the browser ``token`` as its login cookie."""
        response.set_cookie(
            self.cookie, token, httponly=True, samesite="lax", secure=secure, path="/"
        )

    async def renewed(self, connection: HTTPConnection) -> bytes | None:
        """The ``Set-Cookie`` value replacing the request's login token, once the token is
        due for rotation (``TokenStore.rotate``); None otherwise."""
        token = connection.cookies.get(self.cookie)
        fresh = await self.tokens.rotate(token) if token else None
        if fresh is None:
            return None
        carrier = Response()
        self.set_cookie(carrier, fresh, connection.url.scheme == "https")
        return dict(carrier.raw_headers)[b"set-cookie"]

    def not_authenticated(self) -> JSONResponse:
        message = self.authenticator.message if self.authenticator else None
        detail = {"error": "Not authenticated", "auth_message": message}
        return JSONResponse({"detail": detail}, status_code=401)


class AuthGuard:
    """ASGI middleware: without a valid login cookie, requests get 401 and the page a form."""

    def __init__(self, app: ASGIApp, login: Login) -> None:
        self.app = app
        self.login = login

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if self.login.authenticator is None or scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        connection = HTTPConnection(scope)
        user = await self.login.user(connection)
        path = route_path(scope)
        if user is not None or path in PUBLIC_PATHS or path.startswith(PUBLIC_PREFIXES):
            scope[USER_KEY] = user
            # Never on /logout, whose answer deletes the cookie a renewal would set again.
            renew = user is not None and path not in PUBLIC_PATHS
            cookie = await self.login.renewed(connection) if renew else None
            await self.app(scope, receive, send if cookie is None else _adding(send, cookie))
            return
        await self._refuse(scope, path)(scope, receive, send)

    def _refuse(self, scope: Scope, path: str) -> Response:
        wants_page = "text/html" in Headers(scope=scope).get("accept", "")
        if path == "/" and scope.get("method") == "GET" and wants_page:
            authenticator = self.login.authenticator
            page = login_page(self.login.title, authenticator.message if authenticator else None)
            return HTMLResponse(page, headers={"Cache-Control": "no-store"})
        return self.login.not_authenticated()


def _adding(send: Send, cookie: bytes) -> Send:
    """``send`` with a ``Set-Cookie`` header added to the response's start."""

    async def sending(message: Message) -> None:
        if message["type"] == "http.response.start":
            message = {**message, "headers": [*message["headers"], (b"set-cookie", cookie)]}
        await send(message)

    return sending


UserOf = Callable[[Request], "str | Awaitable[str | None] | None"]
"""``launch(auth_dependency=)``: who a request comes from, or None."""


class DependencyGuard:
    """ASGI middleware for ``launch(auth_dependency=fn)``: ``fn(request)`` names the user
    (or None, which gets 401 on every route but the frontend's own files)."""

    def __init__(self, app: ASGIApp, user_of: UserOf, message: str | None) -> None:
        self.app = app
        self.user_of = user_of
        self.message = message

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket") or route_path(scope).startswith(
            PUBLIC_PREFIXES
        ):
            await self.app(scope, receive, send)
            return
        user = self.user_of(Request(scope))
        if inspect.isawaitable(user):
            user = await user
        if user is None:
            detail = {"error": "Not authenticated", "auth_message": self.message}
            await JSONResponse({"detail": detail}, status_code=401)(scope, receive, send)
            return
        scope[USER_KEY] = str(user)
        await self.app(scope, receive, send)
