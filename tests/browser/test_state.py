"""demos/counter_state.py in a browser: ``gr.State`` is kept per session, not per app."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

import pytest
from playwright.sync_api import Browser, Page, expect

pytestmark = pytest.mark.browser


@pytest.fixture
def url(serve: Callable[..., str], load_demo: Callable[[str], ModuleType]) -> str:
    return serve(load_demo("counter_state").demo)


def add_one(page: Page, expected: int) -> None:
    """Click "Add one" and wait for the count (a click while a run is busy would be dropped)."""
    page.get_by_role("button", name="Add one").click()
    expect(page.get_by_label("Count", exact=True)).to_have_value(str(expected))


def test_count_survives_between_clicks(page: Page, url: str) -> None:
    page.goto(url)
    count = page.get_by_label("Count", exact=True)
    expect(count).to_have_value("0")
    expect(count).not_to_be_editable()
    for expected in (1, 2, 3):
        add_one(page, expected)


def test_two_sessions_count_independently(page: Page, browser: Browser, url: str) -> None:
    other_context = browser.new_context()
    try:
        other = other_context.new_page()
        page.goto(url)
        other.goto(url)
        add_one(page, 1)
        add_one(page, 2)
        add_one(other, 1)
        add_one(page, 3)
        add_one(other, 2)
        expect(page.get_by_label("Count", exact=True)).to_have_value("3")
    finally:
        other_context.close()


def test_reload_starts_a_new_session(page: Page, url: str) -> None:
    page.goto(url)
    add_one(page, 1)
    add_one(page, 2)
    page.reload()
    expect(page.get_by_label("Count", exact=True)).to_have_value("0")
    add_one(page, 1)
