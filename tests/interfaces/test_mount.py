"""``gr.mount_gradio_app``: an app served under a path of a FastAPI or Starlette host, in
process over httpx (the host's lifespan run as its server would)."""

from __future__ import annotations

import inspect
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import anyio
import httpx
import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Mount, Route

import limelight as gr
from limelight.exceptions import UnsupportedOption
from tests.support import completion, get_until_disconnect, run_event

fastapi = pytest.importorskip("fastapi")

pytestmark = pytest.mark.anyio

GRADIO_SIGNATURE = [
    "app",
    "blocks",
    "path",
    "server_name",
    "server_port",
    "footer_links",
    "run_history",
    "app_kwargs",
    "auth",
    "auth_message",
    "auth_dependency",
    "root_path",
    "allowed_paths",
    "blocked_paths",
    "favicon_path",
    "show_error",
    "max_file_size",
    "ssr_mode",
    "node_server_name",
    "node_port",
    "enable_monitoring",
    "pwa",
    "i18n",
    "mcp_server",
    "theme",
    "css",
    "css_paths",
    "js",
    "head",
    "head_paths",
]


def _reverse() -> gr.Interface:
    return gr.Interface(lambda text: text[::-1], "textbox", "textbox")


@asynccontextmanager
async def _client(host: Starlette, base: str = "/gradio") -> AsyncIterator[httpx.AsyncClient]:
    """A client of ``host`` whose paths start at ``base``, with the host's lifespan run."""
    async with host.router.lifespan_context(host):
        transport = httpx.ASGITransport(app=host)
        url = f"http://127.0.0.1:7860{base}"
        async with httpx.AsyncClient(transport=transport, base_url=url) as client:
            yield client


def test_the_signature_is_gradios() -> None:
    assert list(inspect.signature(gr.mount_gradio_app).parameters) == GRADIO_SIGNATURE


async def test_a_fastapi_host_keeps_its_routes_and_lifespan_and_events_run() -> None:
    seen: list[str] = []

    @asynccontextmanager
    async def lifespan(app: Any) -> AsyncIterator[None]:
        seen.append("host started")
        yield
        seen.append("host stopped")

    host = fastapi.FastAPI(lifespan=lifespan)

    @host.get("/")
    def main() -> dict[str, str]:
        return {"greeting": "hello"}

    returned = gr.mount_gradio_app(host, _reverse(), path="/gradio")
    assert returned is host
    async with _client(host) as client:
        host_root = await client.get("http://127.0.0.1:7860/")
        assert host_root.json() == {"greeting": "hello"}
        assert seen == ["host started"]
        messages = await run_event(client, 0, ["abc"])
        assert completion(messages)["output"]["data"] == ["cba"]
    assert seen == ["host started", "host stopped"]


async def test_a_plain_starlette_host_works_too() -> None:
    async def main(request: Request) -> JSONResponse:
        return JSONResponse({"main": True})

    host = Starlette(routes=[Route("/", main)])
    gr.mount_gradio_app(host, _reverse(), "/app/")
    async with _client(host, "/app") as client:
        called = await client.post("/gradio_api/call/lambda", json={"data": ["xy"]})
        event_id = called.json()["event_id"]
        result = await client.get(f"/gradio_api/call/lambda/{event_id}")
        assert 'data: ["yx"]' in result.text
        assert (await client.get("http://127.0.0.1:7860/")).json() == {"main": True}


async def test_the_page_and_config_name_the_mounted_root() -> None:
    host = fastapi.FastAPI()
    gr.mount_gradio_app(host, _reverse(), "/gradio")
    async with _client(host) as client:
        assert (await client.get("/config")).json()["root"] == "http://127.0.0.1:7860/gradio"
        page = await client.get("/", headers={"Accept": "text/html"})
        assert '"root":"http://127.0.0.1:7860/gradio"' in page.text


async def test_root_path_and_forwarded_headers_reach_file_urls_in_outputs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LIMELIGHT_FORWARDED_ALLOW_IPS", "127.0.0.1")  # a trusted proxy
    report = tmp_path / "report.txt"
    report.write_text("done")
    demo = gr.Interface(lambda _: str(report), "textbox", gr.File())
    host = fastapi.FastAPI()
    gr.mount_gradio_app(
        host, demo, "/gradio", root_path="/proxy/gradio", allowed_paths=[str(tmp_path)]
    )
    forwarded = {"X-Forwarded-Host": "example.com", "X-Forwarded-Proto": "https"}
    async with _client(host) as client:
        client.headers.update(forwarded)
        root = "https://example.com/proxy/gradio"
        assert (await client.get("/config")).json()["root"] == root
        output = completion(await run_event(client, 0, ["x"]))["output"]["data"][0]
        assert output["url"].startswith(f"{root}/gradio_api/file=")
        path = output["url"].removeprefix(root)
        assert (await client.get(path)).text == "done"


async def test_the_login_guard_covers_the_mounted_app_only() -> None:
    host = fastapi.FastAPI()

    @host.get("/")
    def main() -> dict[str, bool]:
        return {"open": True}

    gr.mount_gradio_app(host, _reverse(), "/private", auth=("ada", "lovelace"))
    async with _client(host, "/private") as client:
        assert (await client.get("http://127.0.0.1:7860/")).json() == {"open": True}
        form = await client.get("/", headers={"Accept": "text/html"})
        assert "action='login'" in form.text
        assert (await client.get("/config")).status_code == 401
        login = await client.post("/login", data={"username": "ada", "password": "lovelace"})
        assert login.status_code == 200, login.text
        assert (await client.get("/config")).status_code == 200


async def test_auth_dependency_leaves_the_frontend_files_open() -> None:
    host = fastapi.FastAPI()
    gr.mount_gradio_app(host, _reverse(), "/gradio", auth_dependency=lambda request: None)
    async with _client(host) as client:
        assert (await client.get("/config")).status_code == 401
        asset = await client.get("/assets/missing.js")
        assert asset.status_code == 404


async def test_heartbeats_are_served_under_the_mount() -> None:
    host = Starlette()
    gr.mount_gradio_app(host, _reverse(), "/gradio")
    async with host.router.lifespan_context(host):
        first, gone = anyio.Event(), anyio.Event()
        body = b""

        async def beat() -> None:
            nonlocal body
            path = "/gradio/gradio_api/heartbeat/abc"
            body = await get_until_disconnect(host, path, "", gone, first_body=first)

        async with anyio.create_task_group() as tasks:
            tasks.start_soon(beat)
            await first.wait()
            gone.set()
    assert body.startswith(b"data: ALIVE")


async def test_errors_are_shown_by_default_as_in_gradio() -> None:
    def fail(text: str) -> str:
        raise ValueError("the secret reason")

    host = Starlette()
    gr.mount_gradio_app(host, gr.Interface(fail, "textbox", "textbox"), "/gradio")
    async with _client(host) as client:
        done = completion(await run_event(client, 0, ["x"]))
        assert "the secret reason" in str(done["output"])


async def test_the_favicon_and_app_kwargs_apply_to_the_mounted_app(tmp_path: Path) -> None:
    icon = tmp_path / "icon.png"
    icon.write_bytes(b"\x89PNG\r\n\x1a\n")
    started: list[str] = []

    @asynccontextmanager
    async def own(app: Any) -> AsyncIterator[None]:
        started.append("mounted app's lifespan")
        yield

    async def extra(request: Request) -> JSONResponse:
        return JSONResponse({"extra": True})

    host = Starlette()
    gr.mount_gradio_app(
        host,
        _reverse(),
        "/gradio",
        favicon_path=str(icon),
        app_kwargs={"lifespan": own, "routes": [Route("/extra", extra)]},
    )
    async with _client(host) as client:
        assert started == ["mounted app's lifespan"]
        assert (await client.get("/favicon.ico")).content == icon.read_bytes()
        assert (await client.get("/extra")).json() == {"extra": True}


async def test_an_app_mounted_inside_a_mounted_host_knows_its_full_root() -> None:
    inner = fastapi.FastAPI()
    gr.mount_gradio_app(inner, _reverse(), "/gradio")

    @asynccontextmanager
    async def lifespan(app: Any) -> AsyncIterator[None]:
        async with inner.router.lifespan_context(inner):
            yield

    outer = Starlette(routes=[Mount("/myapp", app=inner)], lifespan=lifespan)
    async with _client(outer, "/myapp/gradio") as client:
        assert (await client.get("/config")).json()["root"].endswith("/myapp/gradio")
        assert completion(await run_event(client, 0, ["ab"]))["output"]["data"] == ["ba"]


@pytest.mark.parametrize(
    ("options", "named"),
    [
        ({"ssr_mode": True}, "ssr_mode=True"),
        ({"enable_monitoring": True}, "enable_monitoring=True"),
        ({"run_history": True}, "run_history=True"),
        ({"footer_links": ["runs"]}, "footer_links=['runs']"),
        ({"app_kwargs": {"docs_url": "/docs"}}, "docs_url"),
    ],
)
def test_features_limelight_lacks_are_refused(options: dict[str, Any], named: str) -> None:
    with pytest.raises(UnsupportedOption, match="not supported by limelight") as caught:
        gr.mount_gradio_app(Starlette(), _reverse(), "/gradio", **options)
    assert named in str(caught.value)


def test_wrong_hosts_and_paths_are_refused() -> None:
    with pytest.raises(TypeError, match="FastAPI or Starlette"):
        gr.mount_gradio_app(object(), _reverse(), "/gradio")  # type: ignore[type-var]
    with pytest.raises(ValueError, match="begins with '/'"):
        gr.mount_gradio_app(Starlette(), _reverse(), "gradio")
    with pytest.raises(ValueError, match="auth or auth_dependency"):
        gr.mount_gradio_app(
            Starlette(), _reverse(), "/g", auth=("a", "b"), auth_dependency=lambda r: "a"
        )


async def test_a_proxys_stripped_prefix_comes_before_the_mount_path(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    forwarded = {"X-Forwarded-Prefix": "/outer/", "X-Forwarded-Host": "example.com"}
    untrusting = Starlette()
    gr.mount_gradio_app(untrusting, _reverse(), "/gradio")
    async with _client(untrusting) as client:
        config = (await client.get("/config", headers=forwarded)).json()
        assert config["root"] == "http://127.0.0.1:7860/gradio"  # anyone's word: ignored
    monkeypatch.setenv("LIMELIGHT_FORWARDED_ALLOW_IPS", "127.0.0.1")
    host = Starlette()
    gr.mount_gradio_app(host, _reverse(), "/gradio")
    async with _client(host) as client:
        config = (await client.get("/config", headers=forwarded)).json()
        assert config["root"] == "http://example.com/outer/gradio"
        not_a_path = {"X-Forwarded-Prefix": "evil.com"}
        config = (await client.get("/config", headers=not_a_path)).json()
        assert config["root"] == "http://127.0.0.1:7860/gradio"
