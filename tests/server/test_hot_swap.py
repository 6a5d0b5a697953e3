"""``HotSwap``: the app a running server serves is replaced in place (``limelight dev``),
and pages hear of it at ``GET /gradio_api/dev/reload`` (``docs/protocol.md §8.5``)."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import httpx
import pytest

import limelight as gr
from limelight.server import create_app
from limelight.server.auth import Authenticator
from limelight.server.hot_swap import HotSwap
from limelight.server.launch import RunningServer
from limelight.server.services import ServerSettings
from tests.cli.dev_support import PageEvents


def _app(version: str) -> gr.Blocks:
    with gr.Blocks() as demo:
        text = gr.Textbox()
        gr.Button().click(lambda name: f"{version} {name}", text, text, api_name="hello")
    return demo


@pytest.fixture
def served() -> Iterator[tuple[HotSwap, str]]:
    hot = HotSwap(create_app(_app("v1"), ServerSettings()))
    server = RunningServer(hot, "127.0.0.1", 0)
    server.start()
    try:
        yield hot, f"http://127.0.0.1:{server.port}/"
    finally:
        server.stop()


def _call(url: str) -> str:
    answer = httpx.post(f"{url}gradio_api/run/hello", json={"data": ["ada"]})
    data: str = answer.json()["data"][0]
    return data


def _swap_to(hot: HotSwap, version: str) -> None:
    services = hot.services.successor(_app(version), ServerSettings(), keep_sessions=True)
    new = create_app(services.app, ServerSettings(), services=services)
    assert hot.loop is not None
    asyncio.run_coroutine_threadsafe(hot.swap(new), hot.loop).result()


def test_the_swapped_app_is_served_on_the_same_port_and_pages_are_told(
    served: tuple[HotSwap, str],
) -> None:
    hot, url = served
    page = PageEvents(url)
    assert _call(url) == "v1 ada"
    _swap_to(hot, "v2")
    assert _call(url) == "v2 ada"
    assert page.next("reload") == "{}"


def test_an_error_reaches_open_pages_and_pages_that_open_later(
    served: tuple[HotSwap, str],
) -> None:
    hot, url = served
    page = PageEvents(url)
    assert hot.loop is not None
    asyncio.run_coroutine_threadsafe(hot.report_error("Traceback: boom"), hot.loop).result()
    assert page.next("error") == '"Traceback: boom"'
    assert PageEvents(url).next("error") == '"Traceback: boom"'
    assert _call(url) == "v1 ada"


def test_the_reload_stream_is_behind_the_apps_login() -> None:
    settings = ServerSettings(auth=Authenticator(("ada", "lovelace"), None))
    hot = HotSwap(create_app(_app("v1"), settings))
    server = RunningServer(hot, "127.0.0.1", 0)
    server.start()
    try:
        answer = httpx.get(f"http://127.0.0.1:{server.port}/gradio_api/dev/reload")
        assert answer.status_code == 401
    finally:
        server.stop()
