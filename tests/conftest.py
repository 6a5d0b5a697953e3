"""Fixtures shared by every kind of test."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest
from benchmarks.browser import CHROMIUM, CHROMIUM_ARGS

from limelight.interfaces.blocks import Blocks
from tests.media_support import assert_no_ffmpeg, path_without_ffmpeg
from tests.redis_support import redis_server, redis_url
from tests.support import launch_on_loopback

__all__ = ["redis_server", "redis_url"]

os.environ.update(
    GRADIO_ANALYTICS_ENABLED="False", HF_HUB_DISABLE_TELEMETRY="1", HF_HUB_OFFLINE="1"
)


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    """Drive Debian's chromium: no browser download works on these machines."""
    if not os.path.exists(CHROMIUM):
        if os.environ.get("CI"):
            pytest.fail(f"chromium is missing at {CHROMIUM}; CI must install it")
        pytest.skip("chromium is not installed (apt-get install chromium)")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [*browser_type_launch_args.get("args", []), *CHROMIUM_ARGS],
    }


@pytest.fixture
def serve() -> Iterator[Any]:
    """Launch apps on free loopback ports for the test; returns a function giving the URL."""
    launched: list[Blocks] = []

    def start(demo: Blocks, **launch_args: Any) -> str:
        url = launch_on_loopback(demo, **launch_args)
        launched.append(demo)
        return url

    yield start
    for demo in launched:
        demo.close(verbose=False)


@pytest.fixture(scope="session")
def _ffmpeg_free_path(tmp_path_factory: pytest.TempPathFactory) -> str:
    shadows = tmp_path_factory.mktemp("path-without-ffmpeg")
    return path_without_ffmpeg(os.environ.get("PATH", ""), shadows)


@pytest.fixture
def no_ffmpeg(monkeypatch: pytest.MonkeyPatch, _ffmpeg_free_path: str) -> None:
    """No ``ffmpeg`` or ``ffprobe`` on PATH for the test and the servers it starts in this
    process: media must go through PyAV's own libraries alone."""
    monkeypatch.setenv("PATH", _ffmpeg_free_path)
    assert_no_ffmpeg()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Run browser tests last: sync Playwright keeps an event loop running in the main
    thread for the rest of the session, which async tests after it could not start."""
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)
