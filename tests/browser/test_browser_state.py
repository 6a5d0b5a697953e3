"""demos/browser_state.py in a browser: a BrowserState value outlives the page."""

from __future__ import annotations

import json
from collections.abc import Callable
from types import ModuleType

import pytest
from playwright.sync_api import Browser, Page, expect

pytestmark = pytest.mark.browser


@pytest.fixture
def url(serve: Callable[..., str], load_demo: Callable[[str], ModuleType]) -> str:
    return serve(load_demo("browser_state").demo)


def save(page: Page, name: str, shown: str) -> None:
    page.get_by_label("Name", exact=True).fill(name)
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_label("Saved", exact=True)).to_have_value(shown)


def test_saved_values_survive_a_reload(page: Page, url: str) -> None:
    page.goto(url)
    save(page, "Ada", "Ada")
    save(page, "Bob", "Ada, Bob")
    assert json.loads(page.evaluate("localStorage.getItem('saved-names')")) == ["Ada", "Bob"]
    page.reload()
    expect(page.get_by_label("Saved", exact=True)).to_have_value("Ada, Bob")
    save(page, "Cy", "Ada, Bob, Cy")


def test_another_browser_starts_from_the_default(page: Page, browser: Browser, url: str) -> None:
    page.goto(url)
    save(page, "Ada", "Ada")
    other_context = browser.new_context()
    try:
        other = other_context.new_page()
        other.goto(url)
        expect(other.get_by_role("button", name="Save")).to_be_visible()
        save(other, "Zed", "Zed")
    finally:
        other_context.close()


def test_a_value_stored_before_the_visit_is_read(page: Page, url: str) -> None:
    page.goto(url)
    page.evaluate("localStorage.setItem('saved-names', JSON.stringify(['Old']))")
    page.reload()
    expect(page.get_by_label("Saved", exact=True)).to_have_value("Old")
