"""Login and logout for apps launched with ``auth=`` (see ``server/auth.py``).

``POST /login`` takes the form fields ``username`` and ``password``, as Gradio's login form
and ``gradio_client`` send them. A browser's form post is answered with the page (or the
form again, with the error); an API client gets ``{"success": true}`` or 400.

Failures are counted per address *and user name* (so one guesser does not lock out everyone
behind the same address) and per user name over all addresses (so rotating addresses does
not buy more guesses at one account; docs/security.md #19). The address is the peer's, or
what a trusted proxy says (``launch(forwarded_allow_ips=)``), never a header a client sets.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from limelight.server.auth import Login
from limelight.server.http import error
from limelight.server.login_page import FAILED, login_page, logout_page

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
    form = await request.form()
    username, password = str(form.get("username", "")).strip(), str(form.get("password", ""))
    # Keys no address or name can forge into another's: newlines end a name's field.
    keys = (f"{address}\n{username}", f"\n{username}")
    wait = max([await limiter.retry_after(key) for key in keys])
    if wait:
        refused = error(429, "Too many failed logins; try again later.")
        refused.headers["Retry-After"] = str(wait)
        return refused
    if not await authenticator.verify(username, password):
        for key in keys:
            await limiter.failed(key)
        if _from_browser(request):
            page = login_page(guard.title, authenticator.message, failed=True)
            return HTMLResponse(page, status_code=400)
        return error(400, FAILED)
    for key in keys:
        await limiter.succeeded(key)
    token = await guard.tokens.issue(username)
    response: Response = (
        RedirectResponse("./", status_code=303)
        if _from_browser(request)
        else JSONResponse({"success": True})
    )
    guard.set_cookie(response, token, request.url.scheme == "https")
    return response


async def logout(request: Request) -> Response:
    """``POST /logout``: forget the login and go back to the page (never elsewhere). A
    post from another site's page is refused by the origin guard (``server/origin.py``).
    ``GET /logout`` (where a link such as ``gr.Button(link="/logout")`` leads) asks first,
    since any site can make a browser follow a link (docs/security.md #20)."""
    guard = _login(request)
    if request.method == "GET":
        page = logout_page(guard.title)
        return HTMLResponse(page, headers={"Cache-Control": "no-store"})
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
