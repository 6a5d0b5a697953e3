"""Gradio 6's ``buttons=[gr.Button(...)]``: buttons in a component's corner fire their own
click events, and follow updates of their props."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

import limelight as gr

pytestmark = pytest.mark.browser


def test_a_corner_button_fires_its_click_and_follows_updates(
    page: Page, serve: Callable[..., str]
) -> None:
    with gr.Blocks() as app:
        refresh = gr.Button("Refresh")
        clear = gr.Button("Clear it")
        box = gr.Textbox("start", buttons=["copy", refresh, clear], label="Text")
        refresh.click(lambda: ("refreshed", gr.Button("Again")), None, [box, refresh])
        clear.click(None, None, box, js="() => ''")
    page.goto(serve(app))
    corner = page.locator(f"[data-block='{box.id}'] .corner-buttons")
    expect(page.locator(".block-button")).to_have_count(0)  # moved out of the layout
    # Still the button's own block, found by its id as every drawn block is.
    expect(corner.locator(f"[data-block='{refresh.id}']")).to_have_text("Refresh")
    corner.get_by_role("button", name="Refresh").click()
    expect(page.get_by_role("textbox", name="Text")).to_have_value("refreshed")
    expect(corner.get_by_role("button", name="Again")).to_be_visible()
    corner.get_by_role("button", name="Clear it").click()
    expect(page.get_by_role("textbox", name="Text")).to_have_value("")
