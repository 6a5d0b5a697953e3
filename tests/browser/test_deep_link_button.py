"""DeepLinkButton in a browser: a click copies the page URL and shows the copied text."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import BrowserContext, Page, expect

import limelight as gr

pytestmark = pytest.mark.browser


def test_click_copies_the_page_url(
    page: Page, context: BrowserContext, serve: Callable[..., str]
) -> None:
    with gr.Blocks() as demo:
        gr.DeepLinkButton()
    url = serve(demo)
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(url + "?tab=2")
    page.get_by_role("button", name="Share via Link").click()
    expect(page.get_by_role("button", name="Link Copied!")).to_be_visible()
    assert page.evaluate("navigator.clipboard.readText()").endswith("?tab=2")
    expect(page.get_by_role("button", name="Share via Link")).to_be_visible(timeout=4000)
