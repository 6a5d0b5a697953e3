"""A Dropdown with 10,000 choices opens, filters and selects quickly: only visible rows render."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

import limelight as gr
from tests.browser.support import wait_ready, watch_errors

pytestmark = pytest.mark.browser


def test_ten_thousand_choices_stay_responsive(serve: Callable[..., str], page: Page) -> None:
    errors = watch_errors(page)
    with gr.Blocks() as demo:
        choice = gr.Dropdown([f"item {i:05d}" for i in range(10_000)], label="Item")
        out = gr.Textbox(elem_id="out")
        choice.change(lambda v: v, choice, out)
    wait_ready(page, serve(demo))
    box = page.get_by_role("combobox", name="Item")
    box.click()
    options = page.get_by_role("option")
    expect(options.first).to_have_text("item 00000")
    assert options.count() < 60, "every option was drawn"
    # Scrolling far down draws the rows there.
    page.locator(".dropdown-list").evaluate("el => { el.scrollTop = 32 * 7000; }")
    expect(page.get_by_role("option", name="item 07000", exact=True)).to_be_visible()
    box.fill("0999")
    expect(options).to_have_count(11)  # 00999 and 09990..09999
    box.press("ArrowDown")
    box.press("Enter")
    expect(page.locator("#out textarea, #out input")).to_have_value("item 09990")
    assert errors == []
