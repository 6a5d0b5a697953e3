"""Helpers for the Playwright tests: load a demo file, watch the console, read a media
element's state."""

from __future__ import annotations

import runpy
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from playwright.sync_api import ConsoleMessage, Locator, Page, Request, expect

from limelight.interfaces.blocks import Blocks

DEMOS = Path(__file__).resolve().parents[2] / "demos"


def load_demo(name: str) -> Blocks:
    """The ``demo`` defined by ``demos/<name>.py``, freshly built."""
    demo = runpy.run_path(str(DEMOS / f"{name}.py"), run_name="demo_under_test")["demo"]
    assert isinstance(demo, Blocks)
    return demo


def watch_errors(page: Page) -> list[str]:
    """Console errors and uncaught exceptions of ``page``, collected as they happen."""
    errors: list[str] = []

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            errors.append(message.text)

    page.on("console", on_console)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    return errors


def wait_ready(page: Page, url: str) -> dict[str, Any]:
    """Open ``url``, wait until no block is still loading; returns the page config."""
    page.goto(url)
    page.wait_for_selector("[data-block]", state="attached")
    page.wait_for_function("document.querySelectorAll('.block-loading').length === 0")
    config: dict[str, Any] = page.evaluate("window.gradio_config")
    return config


def holds_soon(condition: Callable[[], bool], timeout: float = 5.0) -> bool:
    """Whether ``condition`` (about the server's side: a callback ran, a file was written)
    holds within ``timeout`` seconds; the browser tests' one polling loop."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)
    return True


_LOADED = """el => new Promise(resolve => {
  const done = () => resolve({duration: el.duration, error: el.error && el.error.code});
  if (el.readyState >= 1 || el.error) done();
  else { el.addEventListener('loadedmetadata', done); el.addEventListener('error', done); }
})"""


def media_loaded(element: Locator) -> dict[str, Any]:
    """An ``<audio>`` or ``<video>``'s ``duration`` and ``error`` code (None when it plays)
    once it has read the file's metadata or failed to."""
    result: dict[str, Any] = element.evaluate(_LOADED)
    return result


def record_requests(page: Page) -> list[str]:
    """A list that fills with the URL of every request ``page`` makes from now on."""
    urls: list[str] = []

    def on_request(request: Request) -> None:
        urls.append(request.url)

    page.on("request", on_request)
    return urls


def wait_for_sound(area: Locator) -> None:
    """Wait until the microphone recorder in ``area`` has handed over some sound, so that a
    stop that follows ends a recording that is not empty (its first data come ~0.1 s in)."""
    expect(area.locator(".recorder")).not_to_have_attribute("data-recorded", "0")
