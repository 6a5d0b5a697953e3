"""The footer's settings panel: the display theme, kept in the URL as in Gradio."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

import limelight as gr

pytestmark = pytest.mark.browser


def test_theme_buttons_reload_the_page_in_that_theme(page: Page, serve: Callable[..., str]) -> None:
    with gr.Blocks() as demo:
        gr.Textbox(label="Name")
    url = serve(demo)
    page.goto(url)
    page.get_by_role("button", name="Settings").click()
    dialog = page.get_by_role("dialog", name="Settings")
    expect(dialog.get_by_role("button", name="System")).to_have_attribute("aria-pressed", "true")
    expect(dialog.get_by_label("Language")).to_have_count(0)  # no translations: no choice
    dialog.get_by_role("button", name="Dark").click()
    expect(page).to_have_url(url + "?__theme=dark")
    expect(page.locator("html")).to_have_class("dark")
    page.get_by_role("button", name="Settings").click()
    page.get_by_role("dialog", name="Settings").get_by_role("button", name="System").click()
    expect(page).to_have_url(url)
    expect(page.locator("html")).not_to_have_class("dark")
