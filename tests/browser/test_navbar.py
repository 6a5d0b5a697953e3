"""Navbar in a browser: it shapes the bar of page links of a multipage app (Gradio's
navbar_customization demo): renamed main page, extra links, unsafe URLs as text, hiding."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

import limelight as gr

pytestmark = pytest.mark.browser


def test_links_hiding_and_showing_again(page: Page, serve: Callable[..., str]) -> None:
    links = [("About", "https://example.com/about"), ("Bad", "javascript:alert(1)")]
    with gr.Blocks() as demo:
        navbar = gr.Navbar(value=links, main_page_name="Dashboard")
        gr.Button("Hide").click(lambda: gr.Navbar(visible=False), None, navbar)
        gr.Button("Show").click(
            lambda: gr.Navbar(visible=True, main_page_name="Back"), None, navbar
        )
    with demo.route("Settings", "/settings"):
        gr.Markdown("# Settings Page")
    page.goto(serve(demo))
    nav = page.get_by_role("navigation", name="Pages")
    expect(nav.get_by_role("link")).to_have_text(["Dashboard", "Settings", "About"])
    expect(nav.get_by_role("link", name="About")).to_have_attribute(
        "href", "https://example.com/about"
    )
    expect(nav.get_by_text("Bad")).to_be_visible()
    expect(nav.get_by_role("link", name="Bad")).to_have_count(0)
    page.get_by_role("button", name="Hide").click()
    expect(nav).to_be_hidden()
    page.get_by_role("button", name="Show").click()
    expect(page.get_by_role("navigation", name="Pages").get_by_role("link").first).to_have_text(
        "Back"
    )


def test_no_bar_in_a_one_page_app(page: Page, serve: Callable[..., str]) -> None:
    with gr.Blocks() as demo:
        gr.Navbar(value=[("About", "https://example.com/about")])
        gr.Textbox(label="Name")
    page.goto(serve(demo))
    expect(page.get_by_label("Name")).to_be_visible()
    expect(page.get_by_role("navigation", name="Pages")).to_have_count(0)
