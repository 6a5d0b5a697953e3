"""Navbar in a browser: the main page and links; unsafe URLs stay text; hiding it."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

import limelight as gr

pytestmark = pytest.mark.browser


def test_links_and_hiding(page: Page, serve: Callable[..., str]) -> None:
    links = [("About", "https://example.com/about"), ("Bad", "javascript:alert(1)")]
    with gr.Blocks() as demo:
        navbar = gr.Navbar(value=links, main_page_name="Dashboard")
        gr.Button("Hide").click(lambda: gr.Navbar(visible=False), None, navbar)
    page.goto(serve(demo))
    nav = page.get_by_role("navigation", name="Pages")
    expect(nav.get_by_role("link", name="Dashboard")).to_be_visible()
    expect(nav.get_by_role("link", name="About")).to_have_attribute(
        "href", "https://example.com/about"
    )
    expect(nav.get_by_text("Bad")).to_be_visible()
    expect(nav.get_by_role("link", name="Bad")).to_have_count(0)
    page.get_by_role("button", name="Hide").click()
    expect(nav).to_be_hidden()
