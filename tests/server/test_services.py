"""The services of one app: the implementations it is given are the ones its routes use."""

from __future__ import annotations

import pytest

import limelight as gr
from limelight.server.auth import Authenticator, cookie_name
from limelight.server.durations import InMemoryDurations
from limelight.server.logins import InMemoryLoginLimiter, InMemoryTokenStore
from limelight.server.services import ServerSettings, Services
from limelight.server.sessions import InMemorySessionStore
from limelight.server.streams import InMemoryEventStreams
from limelight.server.upload_progress import InMemoryUploadProgress
from tests.support import asgi_app_and_client, completion, run_event

pytestmark = pytest.mark.anyio


def echo_app(title: str = "Services") -> gr.Blocks:
    with gr.Blocks(title=title) as demo:
        box = gr.Textbox()
        box.submit(lambda text: text, box, box, api_name="echo")
    return demo


def test_the_implementations_given_are_kept_even_when_empty() -> None:
    given = {
        "streams": InMemoryEventStreams(),
        "sessions": InMemorySessionStore(),
        "tokens": InMemoryTokenStore(),
        "login_limiter": InMemoryLoginLimiter(),
        "uploads": InMemoryUploadProgress(),
        "durations": InMemoryDurations(),
    }
    services = Services(echo_app(), **given)  # type: ignore[arg-type]
    assert all(getattr(services, name) is made for name, made in given.items())


async def test_a_login_lives_in_the_services_token_store() -> None:
    settings = ServerSettings(auth=Authenticator(("ada", "lovelace")))
    async with asgi_app_and_client(echo_app(), settings) as (asgi, client):
        tokens = asgi.state.services.tokens
        answer = await client.post("/login", data={"username": "ada", "password": "lovelace"})
        token = answer.cookies[cookie_name("Services")]
        assert await tokens.user(token) == "ada"
        assert (await client.get("/login_check")).status_code == 200
        # Revoked in the store (by another replica, say), the cookie no longer logs in.
        await tokens.revoke(token)
        assert (await client.get("/login_check")).status_code == 401


async def test_queue_estimates_and_averages_come_from_the_services_durations() -> None:
    async with asgi_app_and_client(echo_app()) as (asgi, client):
        durations = asgi.state.services.durations
        await durations.add(0, 4.0)
        messages = await run_event(client, 0, ["hi"])
        (estimation,) = [m for m in messages if m["msg"] == "estimation"]
        assert estimation["rank_eta"] == 4.0
        done = completion(messages)
        assert done["output"]["average_duration"] == durations.mean(0) < 4.0
