"""``launch()`` options the running app honours, driven in-process: root_path, the favicon,
the web app manifest, auth_dependency, strict_cors, app_kwargs, footer links, i18n and the
session capacity."""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Receive, Scope, Send

import limelight as gr
from limelight.app.config import build_config
from limelight.app.session_data import SessionData
from limelight.server import create_app
from limelight.server.services import ServerSettings
from limelight.server.sessions import InMemorySessionStore
from tests.support import asgi_client, run_event

pytestmark = pytest.mark.anyio
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 16


def _echo_file_app(tmp_path: Path) -> gr.Blocks:
    picture = tmp_path / "out.png"
    picture.write_bytes(PNG)
    with gr.Blocks(title="Shop") as demo:
        box = gr.Textbox()
        image = gr.File()
        gr.Button().click(lambda text: str(picture), box, image, api_name="picture")
    return demo


def _page_config(page: str) -> dict[str, Any]:
    found = re.search(r'id="gradio-config">(.*?)</script>', page)
    assert found is not None
    config: dict[str, Any] = json.loads(found[1])
    return config


async def test_root_path_prefixes_the_config_root_and_file_urls(tmp_path: Path) -> None:
    demo = _echo_file_app(tmp_path)
    settings = ServerSettings(root_path="/myapp", allowed_paths=[str(tmp_path)])
    async with asgi_client(demo, settings) as client:
        config = (await client.get("/config")).json()
        assert config["root"] == "http://127.0.0.1:7860/myapp"
        assert _page_config((await client.get("/")).text)["root"] == config["root"]
        messages = await run_event(client, 0, ["x"])
        output = next(m for m in messages if m.get("msg") == "process_completed")
        url = output["output"]["data"][0]["url"]
        assert url.startswith("http://127.0.0.1:7860/myapp/gradio_api/file=")
        # the proxy strips the prefix: the file is served at the path after it
        assert (await client.get(url.removeprefix("http://127.0.0.1:7860/myapp"))).content == PNG


async def test_a_full_url_root_path_is_the_root_whatever_the_host(tmp_path: Path) -> None:
    settings = ServerSettings(root_path="https://example.com/app")
    async with asgi_client(_echo_file_app(tmp_path), settings) as client:
        assert (await client.get("/config")).json()["root"] == "https://example.com/app"


async def test_favicon_is_served_and_linked_instead_of_limelights(tmp_path: Path) -> None:
    icon = tmp_path / "icon.png"
    icon.write_bytes(PNG)
    async with asgi_client(_echo_file_app(tmp_path), ServerSettings()) as client:
        assert (await client.get("/favicon.ico")).status_code == 404
        assert re.search(r'rel="icon"\s+href="data:', (await client.get("/")).text)
    async with asgi_client(_echo_file_app(tmp_path), ServerSettings(favicon_path=str(icon))) as c:
        answer = await c.get("/favicon.ico")
        assert (answer.content, answer.headers["content-type"]) == (PNG, "image/png")
        page = (await c.get("/")).text
        assert '<link rel="icon" href="./favicon.ico">' in page
        assert page.count('rel="icon"') == 1


async def test_pwa_serves_a_manifest_linked_from_the_page(tmp_path: Path) -> None:
    async with asgi_client(_echo_file_app(tmp_path), ServerSettings()) as client:
        assert (await client.get("/manifest.json")).status_code == 404
        assert 'rel="manifest"' not in (await client.get("/")).text
    async with asgi_client(_echo_file_app(tmp_path), ServerSettings(pwa=True)) as client:
        answer = await client.get("/manifest.json")
        assert answer.headers["content-type"] == "application/manifest+json"
        manifest = answer.json()
        assert (manifest["name"], manifest["start_url"], manifest["display"]) == (
            "Shop",
            "./",
            "standalone",
        )
        icon = manifest["icons"][0]["src"]
        assert (await client.get(icon.removeprefix("."))).headers["content-type"] == (
            "image/svg+xml"
        )
        assert '<link rel="manifest" href="./manifest.json">' in (await client.get("/")).text


async def test_auth_dependency_names_the_user_or_turns_the_request_away() -> None:
    seen: list[str | None] = []

    def user_of(request: Request) -> str | None:
        return request.headers.get("x-user")

    settings = ServerSettings(auth_dependency=user_of, auth_message="Ask the admin")
    async with asgi_client(_request_app(seen), settings) as client:
        refused = await client.get("/config")
        assert refused.status_code == 401
        assert refused.json()["detail"]["auth_message"] == "Ask the admin"
        assert (await client.get("/")).status_code == 401
        client.headers["x-user"] = "ada"
        assert (await client.get("/config")).status_code == 200
        await run_event(client, 0, ["hi"])
    assert seen == ["ada"]


def _request_app(seen: list[str | None]) -> gr.Blocks:
    def record(text: str, request: gr.Request) -> None:
        seen.append(request.username)

    with gr.Blocks() as demo:
        box = gr.Textbox()
        gr.Button().click(record, box, None)
    return demo


async def test_an_async_auth_dependency_is_awaited() -> None:
    async def user_of(request: Request) -> str | None:
        return "ada" if request.url.path != "/config" else None

    async with asgi_client(_request_app([]), ServerSettings(auth_dependency=user_of)) as client:
        assert (await client.get("/config")).status_code == 401
        assert (await client.get("/gradio_api/info")).status_code == 200


@pytest.mark.parametrize(("strict", "status"), [(True, 403), (False, 200)])
async def test_strict_cors_false_lets_file_pages_call_a_local_app(
    strict: bool, status: int
) -> None:
    settings = ServerSettings(strict_cors=strict)
    async with asgi_client(_request_app([]), settings) as client:
        body = {"data": ["x"], "fn_index": 0, "session_hash": "s"}
        answer = await client.post("/gradio_api/queue/join", json=body, headers={"origin": "null"})
        assert answer.status_code == status


async def test_null_origin_stays_refused_on_a_server_bound_beyond_loopback() -> None:
    settings = ServerSettings(strict_cors=False, loopback_only=False)
    async with asgi_client(_request_app([]), settings) as client:
        body = {"data": ["x"], "fn_index": 0, "session_hash": "s"}
        answer = await client.post("/gradio_api/queue/join", json=body, headers={"origin": "null"})
        assert answer.status_code == 403


class _Tag:
    """A user's middleware: marks each response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def tagged(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), (b"x-tag", b"1")]
            await send(message)

        await self.app(scope, receive, send if scope["type"] != "http" else tagged)


async def test_app_kwargs_add_routes_middleware_handlers_and_a_lifespan() -> None:
    events: list[str] = []

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        events.append("up")
        yield
        events.append("down")

    async def hello(request: Request) -> Response:
        return PlainTextResponse("hello")

    async def teapot(request: Request, exc: Exception) -> Response:
        return PlainTextResponse("teapot", status_code=418)

    extra = {
        "routes": [Route("/hello", hello)],
        "middleware": [Middleware(_Tag)],
        "exception_handlers": {404: teapot},
        "lifespan": lifespan,
    }
    app = create_app(_request_app([]), ServerSettings(), extra)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:
            answer = await client.get("/hello")
            assert answer.headers["x-tag"] == "1"
            assert (await client.get("/gradio_api/info")).headers["x-tag"] == "1"
            assert (await client.get("/nowhere")).status_code == 418
    assert events == ["up", "down"]
    assert answer.text == "hello"


def test_footer_links_pwa_and_i18n_reach_the_config() -> None:
    demo = _request_app([])
    assert build_config(demo)["footer_links"] == ["api", "gradio", "settings"]
    i18n = gr.I18n(en={"hi": "Hello"}, fr={"hi": "Bonjour"})
    mine = {"label": "Docs", "url": "https://example.com"}
    demo.launch(
        footer_links=["gradio", mine],
        pwa=True,
        i18n=i18n,
        server_port=0,
        prevent_thread_lock=True,
        quiet=True,
    )
    demo.close(verbose=False)
    config = build_config(demo)
    assert config["footer_links"] == ["gradio", mine]
    assert config["pwa"] is True
    assert config["i18n_translations"] == {"en": {"hi": "Hello"}, "fr": {"hi": "Bonjour"}}


async def test_the_session_store_forgets_the_least_recently_used_beyond_capacity() -> None:
    store = InMemorySessionStore(capacity=2)
    first, second = SessionData(), SessionData()
    await store.save("a", first)
    await store.save("b", second)
    await store.load("a")
    await store.load("c")
    assert len(store) == 2
    assert await store.load("a") is first
    # "b" was the least recently used: it was evicted and its data is handed to be closed
    assert await store.expire() == [second]
    assert await store.load("b") is not second
    with pytest.raises(ValueError, match="state_session_capacity"):
        InMemorySessionStore(capacity=0)
