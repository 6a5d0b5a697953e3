"""DeepLinkButton in a browser: the copied link opens the app with the session's values."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import BrowserContext, Page, expect

import limelight as gr

pytestmark = pytest.mark.browser


def test_the_copied_link_restores_the_values(
    page: Page, context: BrowserContext, serve: Callable[..., str]
) -> None:
    with gr.Blocks() as demo:
        name = gr.Textbox(label="Name")
        greeting = gr.Textbox(label="Greeting")
        gr.Button("Greet").click(lambda n: f"Hello {n}!", name, greeting)
        gr.DeepLinkButton()
    url = serve(demo)
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(url + "?tab=2")
    page.get_by_label("Name").fill("Ada")
    page.get_by_role("button", name="Greet").click()
    expect(page.get_by_label("Greeting")).to_have_value("Hello Ada!")
    page.get_by_role("button", name="Share via Link").click()
    expect(page.get_by_role("button", name="Link Copied!")).to_be_visible()
    link = page.evaluate("navigator.clipboard.readText()")
    assert link.startswith(url + "?tab=2&deep_link=")
    fresh = context.new_page()
    fresh.goto(link)
    expect(fresh.get_by_label("Name")).to_have_value("Ada")
    expect(fresh.get_by_label("Greeting")).to_have_value("Hello Ada!")
    expect(page.get_by_role("button", name="Share via Link")).to_be_visible(timeout=4000)


def test_a_session_without_events_copies_the_page_url(
    page: Page, context: BrowserContext, serve: Callable[..., str]
) -> None:
    with gr.Blocks() as demo:
        gr.DeepLinkButton()
    url = serve(demo)
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(url)
    page.get_by_role("button", name="Share via Link").click()
    expect(page.get_by_role("button", name="Link Copied!")).to_be_visible()
    assert page.evaluate("navigator.clipboard.readText()") == url
