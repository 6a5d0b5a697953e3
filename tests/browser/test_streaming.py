"""demos/blocks_streaming.py in a browser: a streamed generator, a chained event and toasts."""

from __future__ import annotations

import time
from collections.abc import Callable
from types import ModuleType, SimpleNamespace

import pytest
from playwright.sync_api import Locator, Page, expect

pytestmark = pytest.mark.browser

# Seconds between streamed words: long enough to see each value, short enough to keep tests fast.
WORD_PAUSE = 0.3


@pytest.fixture
def app(page: Page, serve: Callable[..., str], load_demo: Callable[[str], ModuleType]) -> Page:
    """The streaming page, with the generator slowed down so each word can be seen arrive."""
    module = load_demo("blocks_streaming")
    module.time = SimpleNamespace(sleep=lambda _seconds: time.sleep(WORD_PAUSE))
    page.goto(serve(module.demo))
    expect(page.get_by_role("button", name="Shout")).to_be_visible()
    return page


def value_becomes(page: Page, box: Locator, value: str) -> None:
    """Wait, checking every animation frame, until ``box`` holds ``value``; a passing value
    that ``expect``'s slower polling could miss is still seen."""
    page.wait_for_function(
        "([el, value]) => el.value === value",
        arg=[box.element_handle(), value],
        polling="raf",
        timeout=5_000,
    )


def test_stream_shows_intermediate_values(app: Page) -> None:
    output = app.get_by_label("Output", exact=True)
    app.get_by_label("Text", exact=True).fill("a b c")
    app.get_by_role("button", name="Stream").click()
    value_becomes(app, output, "a")
    block = app.locator("[data-block]").filter(has=output)
    expect(block).to_have_attribute("aria-busy", "true")
    value_becomes(app, output, "a b")
    expect(output).to_have_value("a b c")
    expect(block).not_to_have_attribute("aria-busy", "true")


def test_reverse_then_length(app: Page) -> None:
    app.get_by_label("Text", exact=True).fill("hello there")
    app.get_by_role("button", name="Reverse").click()
    expect(app.get_by_label("Output", exact=True)).to_have_value("ereht olleh")
    expect(app.get_by_label("Length", exact=True)).to_have_value("11")


def test_shout_without_text_shows_error_toast(app: Page) -> None:
    app.get_by_role("button", name="Shout").click()
    alert = app.get_by_role("alert")
    expect(alert).to_contain_text("Type something first.")
    expect(alert).to_contain_text("Error")
    expect(app.get_by_label("Output", exact=True)).to_have_value("")
    alert.get_by_role("button", name="Close").click()
    expect(alert).to_have_count(0)


def test_shout_shows_info_toast_and_output(app: Page) -> None:
    app.get_by_label("Text", exact=True).fill("quiet please")
    app.get_by_role("button", name="Shout").click()
    expect(app.get_by_role("status").filter(has_text="Shouting!")).to_be_visible()
    expect(app.get_by_label("Output", exact=True)).to_have_value("QUIET PLEASE!")
    expect(app.get_by_role("alert")).to_have_count(0)
