"""Fixtures for the browser tests: demos from ``demos/`` imported fresh for each test."""

from __future__ import annotations

import importlib.util
import itertools
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest
from playwright.sync_api import Page, expect

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
