"""Login and logout for apps launched with ``auth=`` (see ``server/auth.py``).

``POST /login`` takes the form fields ``username`` and ``password``, as Gradio's login form
and ``gradio_client`` send them. A browser's form post is answered with the page (or the
form again, with the error); an API client gets ``{"success": true}`` or 400.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from limelight.server.auth import Login
from limelight.server.http import error
from limelight.server.login_page import FAILED, login_page

__all__ = ["routes"]


def _login(request: Request) -> Login:
    login = request.app.state.login
    assert isinstance(login, Login)
    return login


def _from_browser(request: Request) -> bool:
    return "text/html" in request.headers.get("accept", "")


async def login(request: Request) -> Response:
    """``POST /login``: check the credentials and hand out the login cookie."""
    guard = _login(request)
    authenticator = guard.authenticator
    if authenticator is None:
        return RedirectResponse("./", status_code=303)
    address = request.client.host if request.client else "unknown"
    limiter = guard.limiter
    wait = await limiter.retry_after(address)
    if wait:
        refused = error(429, "Too many failed logins; try again later.")
        refused.headers["Retry-After"] = str(wait)
        return refused
    form = await request.form()
    username, password = str(form.get("username", "")).strip(), str(form.get("password", ""))
    if not await authenticator.verify(username, password):
        await limiter.failed(address)
        if _from_browser(request):
            page = login_page(guard.title, authenticator.message, failed=True)
            return HTMLResponse(page, status_code=400)
        return error(400, FAILED)
    await limiter.succeeded(address)
    token = await guard.tokens.issue(username)
    response: Response = (
        RedirectResponse("./", status_code=303)
        if _from_browser(request)
        else JSONResponse({"success": True})
    )
    response.set_cookie(
        guard.cookie,
        token,
        httponly=True,
        samesite="lax",
        secure=request.url.scheme == "https",
        path="/",
    )
    return response


async def logout(request: Request) -> Response:
    """``GET /logout``: forget the login and go back to the page (never elsewhere)."""
    guard = _login(request)
    token = request.cookies.get(guard.cookie)
    if token:
        await guard.tokens.revoke(token)
    response = RedirectResponse("./", status_code=303)
    response.delete_cookie(guard.cookie, path="/")
    return response


async def login_check(request: Request) -> Response:
    """``GET /login_check``: 200 when logged in (or the app has no login), else 401."""
    guard = _login(request)
    if guard.authenticator is None or await guard.user(request) is not None:
        return JSONResponse(None)
    return guard.not_authenticated()


routes = [
    Route("/login", login, methods=["POST"]),
    Route("/login/", login, methods=["POST"]),
    Route("/logout", logout, methods=["GET", "POST"]),
    Route("/login_check", login_check, methods=["GET"]),
]
