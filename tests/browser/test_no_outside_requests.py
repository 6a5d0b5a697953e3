"""demos/hello_world.py loads and runs from the app's own server alone, with a clean console:
no CDN, font or analytics request, no script error, and a handful of requests to draw."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import ConsoleMessage, Error, Page, Request, expect

pytestmark = pytest.mark.browser

# The page (its stylesheet inlined), its script and one chunk per component type in use: 4
# for the hello demo today.
FIRST_RENDER_REQUEST_LIMIT = 12


def outside(url: str) -> bool:
    """Whether fetching ``url`` leaves the machine: any network scheme to a host but the app's."""
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about"):
        return False
    return parts.hostname != "127.0.0.1"


def test_only_the_app_server_is_contacted(
    page: Page, serve: Callable[..., str], load_demo: Callable[[str], ModuleType]
) -> None:
    urls: list[str] = []
    errors: list[str] = []

    def on_request(request: Request) -> None:
        urls.append(request.url)

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            errors.append(f"console: {message.text} ({message.location})")

    def on_page_error(error: Error) -> None:
        errors.append(f"uncaught: {error.name}: {error.message}")

    page.on("request", on_request)
    page.on("console", on_console)
    page.on("pageerror", on_page_error)

    page.goto(serve(load_demo("hello_world").demo))
    name, output = page.get_by_label("name", exact=True), page.get_by_label("output", exact=True)
    for control in (name, page.get_by_label("intensity value"), output):
        expect(control).to_be_visible()
    expect(page.get_by_role("heading", name="Hello")).to_be_visible()
    expect(page.get_by_role("button", name="Submit")).to_be_visible()
    page.wait_for_load_state("networkidle")
    first_render = list(urls)
    assert len(first_render) < FIRST_RENDER_REQUEST_LIMIT, "\n".join(first_render)

    name.fill("Ada")
    page.get_by_role("button", name="Submit").click()
    expect(output).to_have_value("Hello, Ada!")

    assert any("/queue/join" in url for url in urls), "\n".join(urls)
    assert [url for url in urls if outside(url)] == []
    assert errors == []
