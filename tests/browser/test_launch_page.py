"""What ``launch()`` options change on the page itself: the footer's links and the favicon."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

import limelight as gr

pytestmark = pytest.mark.browser

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xcf\xc0\xf0\x1f\x00\x05\x00\x01\xff\x89\x99"
    b"=\x1d\x00\x00\x00\x00IEND\xaeB`\x82"
)


def _demo() -> gr.Blocks:
    with gr.Blocks() as demo:
        gr.Textbox(label="Name")
    return demo


def test_the_default_footer_has_both_links(page: Page, serve: Callable[..., str]) -> None:
    page.goto(serve(_demo()))
    footer = page.locator("footer")
    expect(footer.get_by_role("button", name="Use via API")).to_be_visible()
    expect(footer).to_contain_text("Built with limelight")


def test_footer_links_choose_the_footer(page: Page, serve: Callable[..., str]) -> None:
    docs = {"label": "Docs", "url": "https://example.com/docs"}
    page.goto(serve(_demo(), footer_links=["gradio", docs]))
    footer = page.locator("footer")
    expect(footer).to_contain_text("Built with limelight")
    expect(footer.get_by_role("link", name="Docs")).to_have_attribute("href", docs["url"])
    expect(footer.get_by_role("button", name="Use via API")).to_have_count(0)


def test_an_empty_footer_links_hides_the_footer(page: Page, serve: Callable[..., str]) -> None:
    page.goto(serve(_demo(), footer_links=[]))
    expect(page.get_by_label("Name")).to_be_visible()
    expect(page.locator("footer")).to_have_count(0)


def test_the_favicon_is_the_apps(page: Page, serve: Callable[..., str], tmp_path: Path) -> None:
    icon = tmp_path / "icon.png"
    icon.write_bytes(PNG)
    url = serve(_demo(), favicon_path=icon)
    page.goto(url)
    href = page.locator('link[rel="icon"]').get_attribute("href")
    assert href == "./favicon.ico"
    assert page.request.get(url + "favicon.ico").body() == PNG
