"""launch(auth=...): a login in front of every route (docs/security.md #15, #19, #20)."""

from __future__ import annotations

import re

import httpx
import pytest
from starlette.routing import Mount, Route

import limelight as gr
from limelight.server import create_app
from limelight.server.auth import Authenticator, cookie_name
from limelight.server.heartbeat import HEARTBEAT_PREFIX
from limelight.server.launch import ConnectionLimits
from limelight.server.logins import ROTATION_GRACE, InMemoryLoginLimiter, InMemoryTokenStore
from limelight.server.services import ServerSettings
from tests.support import FakeClock, asgi_app_and_client, completion, read_session, serving

pytestmark = pytest.mark.anyio

PUBLIC = {"/login", "/login/", "/logout", "/login_check", "/theme.css"}


def whoami_app() -> gr.Blocks:
    def whoami(text: str, request: gr.Request) -> str:
        return f"{request.username}: {text}"

    with gr.Blocks(title="Secret app") as demo:
        box = gr.Textbox()
        box.submit(whoami, box, box, api_name="whoami")
    return demo


def settings(auth: object = ("ada", "lovelace"), message: str | None = "Ask Ada") -> ServerSettings:
    return ServerSettings(auth=Authenticator(auth, message))  # type: ignore[arg-type]


async def log_in(client: httpx.AsyncClient, username: str, password: str) -> httpx.Response:
    return await client.post("/login", data={"username": username, "password": password})


def protected_routes() -> list[tuple[str, str]]:
    """Every route of the server with a concrete path, from the router itself, so that a new
    route cannot be left unprotected by mistake."""
    found: list[tuple[str, str]] = []
    for route in create_app(whoami_app()).routes:
        public = route.path in PUBLIC or route.path.startswith("/assets/")  # the bundle
        if isinstance(route, Route) and not public and route.methods:
            path = re.sub(r"\{[^}]+\}", "x", route.path)
            found += [(method, path) for method in sorted(route.methods) if method != "HEAD"]
        elif isinstance(route, Mount):
            assert route.path == "/assets"  # the bundle: public, nothing of the app in it
    # Served in front of the router (server/heartbeat.py), so not among its routes.
    return [*found, ("GET", HEARTBEAT_PREFIX + "x")]


@pytest.mark.parametrize(("method", "path"), protected_routes())
async def test_every_route_needs_the_login(method: str, path: str) -> None:
    async with asgi_app_and_client(whoami_app(), settings()) as (_, client):
        answer = await client.request(method, path, headers={"accept": "application/json"})
    assert answer.status_code == 401, (method, path, answer.text)
    assert answer.json()["detail"] == {"error": "Not authenticated", "auth_message": "Ask Ada"}


async def test_the_page_is_a_login_form_until_logged_in() -> None:
    async with asgi_app_and_client(whoami_app(), settings()) as (_, client):
        page = await client.get("/", headers={"accept": "text/html"})
        assert page.status_code == 200
        assert "<form method='post' action='login'>" in page.text and "Ask Ada" in page.text
        assert "gradio_config" not in page.text and "Secret app" in page.text
        assert (await client.get("/login_check")).status_code == 401


async def test_a_failed_login_does_not_say_which_part_was_wrong() -> None:
    async with asgi_app_and_client(whoami_app(), settings()) as (_, client):
        wrong_password = await log_in(client, "ada", "babbage")
        unknown_user = await log_in(client, "charles", "lovelace")
    for answer in (wrong_password, unknown_user):
        assert (answer.status_code, answer.json()) == (400, {"detail": "Incorrect credentials."})
        assert "set-cookie" not in answer.headers


async def test_login_sets_a_safe_cookie_and_functions_see_the_user() -> None:
    async with asgi_app_and_client(whoami_app(), settings()) as (_, client):
        answer = await log_in(client, "ada", "lovelace")
        assert (answer.status_code, answer.json()) == (200, {"success": True})
        cookie = answer.headers["set-cookie"].lower()
        assert "httponly" in cookie and "samesite=lax" in cookie and "secure" not in cookie
        assert (await client.get("/config")).status_code == 200
        assert (await client.get("/login_check")).status_code == 200
        joined = await client.post(
            "/gradio_api/queue/join", json={"data": ["hi"], "fn_index": 0, "session_hash": "s"}
        )
        assert joined.status_code == 200
        done = completion(await read_session(client, "s"))
    assert done["output"]["data"] == ["ada: hi"]


async def test_a_browser_form_login_returns_to_the_page() -> None:
    async with asgi_app_and_client(whoami_app(), settings()) as (_, client):
        html = {"accept": "text/html"}
        form = {"username": "ada", "password": "nope"}
        failed = await client.post("/login", data=form, headers=html)
        assert failed.status_code == 400 and "Incorrect credentials." in failed.text
        form["password"] = "lovelace"
        done = await client.post("/login", data=form, headers=html)
        assert (done.status_code, done.headers["location"]) == (303, "./")
        assert "window.gradio_config" in (await client.get("/", headers=html)).text


async def test_logout_ends_the_login_and_never_leaves_the_site() -> None:
    name = cookie_name("Secret app")
    async with asgi_app_and_client(whoami_app(), settings()) as (_, client):
        await log_in(client, "ada", "lovelace")
        token = client.cookies[name]
        for target in ("https://evil.com", "//evil.com", "/\\evil.com", "%2F%2Fevil.com"):
            out = await client.post("/logout", params={"next": target, "_target_url": target})
            assert (out.status_code, out.headers["location"]) == (303, "./")
        assert name not in client.cookies
        stale = await client.get("/config", headers={"cookie": f"{name}={token}"})
    assert stale.status_code == 401


async def test_another_site_cannot_log_the_user_out() -> None:
    # The attack: <img src="http://127.0.0.1:7860/logout"> on any page logged the visitor
    # out (a GET), as would a form posted from there.
    name = cookie_name("Secret app")
    async with asgi_app_and_client(whoami_app(), settings()) as (_, client):
        await log_in(client, "ada", "lovelace")
        token = client.cookies[name]
        asked = await client.get("/logout", headers={"accept": "text/html"})
        posted = await client.post("/logout", headers={"Origin": "https://evil.example"})
        still = await client.get("/config", headers={"cookie": f"{name}={token}"})
    assert asked.status_code == 200 and "method='post' action='logout'" in asked.text
    assert posted.status_code == 403
    assert still.status_code == 200


async def test_repeated_failures_are_rate_limited() -> None:
    async with asgi_app_and_client(whoami_app(), settings()) as (_, client):
        for _ in range(10):
            assert (await log_in(client, "ada", "guess")).status_code == 400
        refused = await log_in(client, "ada", "lovelace")
    assert refused.status_code == 429
    assert int(refused.headers["retry-after"]) > 0


def test_a_forged_forwarded_address_does_not_escape_the_limit() -> None:
    # The attack: 200 failed logins, each claiming another address in X-Forwarded-For,
    # which uvicorn believed from any loopback client: all got 400, none 429.
    asgi = create_app(whoami_app(), settings())
    with serving(asgi) as url, httpx.Client(base_url=url, timeout=10) as client:
        codes = [
            client.post(
                "/login",
                data={"username": "ada", "password": f"guess{n}"},
                headers={"X-Forwarded-For": f"203.0.113.{n % 250}"},
            ).status_code
            for n in range(200)
        ]
    assert codes[:10] == [400] * 10
    assert set(codes[10:]) == {429}


def test_rotating_real_addresses_still_meets_the_per_user_limit() -> None:
    # Behind a trusted proxy each address is believed; one account still gets 10 tries.
    asgi = create_app(whoami_app(), settings())
    limits = ConnectionLimits(forwarded_allow_ips=("127.0.0.1",))
    with serving(asgi, limits) as url, httpx.Client(base_url=url, timeout=10) as client:
        codes = [
            client.post(
                "/login",
                data={"username": "ada", "password": "guess"},
                headers={"X-Forwarded-For": f"203.0.113.{n}"},
            ).status_code
            for n in range(12)
        ]
        other = client.post(
            "/login",
            data={"username": "bob", "password": "guess"},
            headers={"X-Forwarded-For": "203.0.113.1"},
        )
    assert codes == [400] * 10 + [429] * 2
    assert other.status_code == 400


async def test_one_guesser_does_not_lock_out_others_behind_the_same_address() -> None:
    async with asgi_app_and_client(whoami_app(), settings()) as (_, client):
        for _ in range(10):
            assert (await log_in(client, "mallory", "guess")).status_code == 400
        assert (await log_in(client, "mallory", "guess")).status_code == 429
        assert (await log_in(client, "ada", "lovelace")).status_code == 200


async def test_the_limiter_forgets_the_oldest_clients_beyond_its_capacity() -> None:
    limiter = InMemoryLoginLimiter(limit=1, max_clients=100)
    await limiter.failed("first")
    for n in range(1000):
        await limiter.failed(f"made-up-{n}")
    assert await limiter.expire() == 0
    assert len(limiter._failures) == 100
    assert await limiter.retry_after("first") == 0
    assert await limiter.retry_after("made-up-999") > 0


async def test_a_function_or_a_list_decides_who_logs_in() -> None:
    async def reversed_name(username: str, password: str) -> bool:
        return password == username[::-1]

    tries = (("ann", "nna"), ("bob", "bob"), ("x", "y"))
    cases: list[tuple[object, list[int]]] = [
        (reversed_name, [200, 200, 400]),
        ([("ann", "secret"), ("bob", "bob")], [400, 200, 400]),
        (lambda username, password: username == "x", [400, 400, 200]),
    ]
    for auth, expected in cases:
        async with asgi_app_and_client(whoami_app(), settings(auth)) as (_, client):
            got = [(await log_in(client, user, password)).status_code for user, password in tries]
        assert got == expected
    with pytest.raises(ValueError, match="auth="):
        Authenticator(("only-a-name",))  # type: ignore[arg-type]


async def test_a_cross_site_login_post_is_refused() -> None:
    async with asgi_app_and_client(whoami_app(), settings()) as (_, client):
        answer = await client.post(
            "/login",
            data={"username": "ada", "password": "lovelace"},
            headers={"origin": "https://evil.com"},
        )
    assert answer.status_code == 403


async def test_without_auth_nothing_changes() -> None:
    async with asgi_app_and_client(whoami_app()) as (_, client):
        assert (await client.get("/config")).status_code == 200
        assert (await client.get("/login_check")).status_code == 200


async def test_a_login_in_use_is_renewed_and_the_old_token_goes_stale() -> None:
    name = cookie_name("Secret app")
    clock = FakeClock()
    async with asgi_app_and_client(whoami_app(), settings()) as (app, client):
        app.state.login.tokens = InMemoryTokenStore(ttl=3600, clock=clock)
        await log_in(client, "ada", "lovelace")
        first = client.cookies[name]
        assert "set-cookie" not in (await client.get("/config")).headers
        clock.now += 1800
        renewed = await client.get("/config")
        second = client.cookies[name]
        assert renewed.status_code == 200 and second != first
        assert "httponly" in renewed.headers["set-cookie"].lower()
        clock.now += ROTATION_GRACE
        stale = await client.get("/config", headers={"cookie": f"{name}={first}"})
        assert stale.status_code == 401
        assert (await client.get("/config")).status_code == 200
        clock.now += 3600  # unused past its life: expired on the server
        assert (
            await client.get("/config", headers={"cookie": f"{name}={second}"})
        ).status_code == 401
