"""Fixtures for the browser tests: demos from ``demos/`` imported fresh for each test."""

from __future__ import annotations

import importlib.util
import itertools
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserType, Page, expect

DEMOS = Path(__file__).resolve().parents[2] / "demos"

# Auto-waiting assertions give up after this long; every step of these demos takes well under it.
expect.set_options(timeout=5_000)

_imports = itertools.count()


def _import_demo(name: str) -> ModuleType:
    path = DEMOS / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"_demo_{name}_{next(_imports)}", path)
    assert spec is not None and spec.loader is not None, f"no demo at {path}"
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def load_demo() -> Callable[[str], ModuleType]:
    """``load_demo("hello_world")`` imports ``demos/hello_world.py`` as a new module, so each
    test gets its own app (its own state, listeners and server)."""
    return _import_demo


@pytest.fixture
def page(serve: Callable[..., str], page: Page) -> Page:
    """pytest-playwright's page, set up after ``serve`` so that it closes first: a server
    stopping under an open page waits for the page's event streams to time out."""
    return page


FAKE_MEDIA = ["--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream"]


@pytest.fixture(scope="module")
def media_browser(
    browser_type: BrowserType, browser_type_launch_args: dict[str, Any]
) -> Iterator[Browser]:
    """A chromium with a fake microphone and camera that grants them without asking.

    Launched for the module, not through the session's ``browser``: that one may already be
    running without these flags when the module starts."""
    args = [*browser_type_launch_args.get("args", []), *FAKE_MEDIA]
    browser = browser_type.launch(**{**browser_type_launch_args, "args": args})
    yield browser
    browser.close()


@pytest.fixture
def media_page(media_browser: Browser, serve: Callable[..., str]) -> Iterator[Page]:
    """A page of ``media_browser``, in a context of its own, set up after ``serve``."""
    context = media_browser.new_context()
    yield context.new_page()
    context.close()
