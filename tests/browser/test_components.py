"""The interactive components, layouts, updates, Timer and Examples in a real browser."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from tests.browser.support import load_demo, wait_ready, watch_errors

pytestmark = pytest.mark.browser


@pytest.fixture
def app(serve: Callable[..., str], page: Page) -> Page:
    """The interactive demo, loaded; console errors fail the test at its end."""
    errors = watch_errors(page)
    wait_ready(page, serve(load_demo("components_interactive")))
    yield page  # type: ignore[misc]
    assert errors == []


def test_checkbox_group_sends_the_checked_list(app: Page) -> None:
    app.locator("#group").get_by_label("cherry").check()
    app.locator("#group").get_by_label("apple").check()
    expect(app.locator("#out textarea, #out input")).to_have_value("apple,cherry")


def test_color_picker_text_entry(app: Page) -> None:
    field = app.locator("#colour .color-text")
    field.fill("#abcdef")
    field.press("Enter")
    field.blur()
    expect(app.locator("#out input")).to_have_value("colour #abcdef")


def test_datetime_typed(app: Page) -> None:
    field = app.locator("#when input").first
    field.fill("2025-02-03 04:05:06")
    field.press("Enter")
    expect(app.locator("#out input")).to_have_value("when 2025-02-03 04:05:06")


def test_code_is_highlighted_and_editable(app: Page) -> None:
    expect(app.locator("#code .hljs-number")).to_have_count(1)
    app.locator("#code textarea").fill("print('hello')")
    expect(app.locator("#out input")).to_have_value("code 14")
    expect(app.locator("#code .hljs-string")).to_have_count(1)


def test_accordion_fires_expand_and_collapse(app: Page) -> None:
    header = app.locator("#acc .accordion-header")
    header.click()
    expect(app.locator("#out input")).to_have_value("expanded")
    header.click()
    expect(app.locator("#out input")).to_have_value("collapsed")


def test_tabs_change(app: Page) -> None:
    app.get_by_role("tab", name="Two").click()
    expect(app.get_by_text("second tab")).to_be_visible()
    expect(app.locator("#out input")).to_have_value("tab changed")


def test_update_sets_several_props(app: Page) -> None:
    app.locator("#update button").click()
    target = app.locator("#target input")
    expect(target).to_have_value("new")
    expect(app.locator("#target label")).to_have_text("New label")
    expect(target).to_have_attribute("placeholder", "typed")
    expect(target).to_have_attribute("readonly", "")
    app.locator("#hide button").click()
    expect(app.locator("#target")).to_have_count(0)


def test_update_replaces_dropdown_choices(app: Page) -> None:
    app.locator("#refill button").click()
    expect(app.locator("#chooser input")).to_have_value("z")
    app.locator("#chooser input").click()
    expect(app.locator("#chooser [role=option]")).to_have_text(["x", "y", "z"])


def test_timer_ticks_until_stopped(app: Page) -> None:
    ticks = app.locator("#ticks input")
    app.wait_for_function("Number(document.querySelector('#ticks input').value) >= 3")
    app.locator("#stop-timer button").click()
    app.wait_for_timeout(400)
    stopped_at = int(ticks.input_value())
    app.wait_for_timeout(600)
    assert int(ticks.input_value()) <= stopped_at + 1


def test_examples_fill_and_run(app: Page) -> None:
    app.get_by_role("cell", name="Bob").click()
    expect(app.locator("#name input")).to_have_value("Bob")
    expect(app.locator("#greeting input")).to_have_value("Hi Bob")
