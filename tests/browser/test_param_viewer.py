"""ParamViewer in a browser: rows open to their description and default, text stays text."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

import limelight as gr

pytestmark = pytest.mark.browser


def test_rows_open_and_text_is_not_html(page: Page, serve: Callable[..., str]) -> None:
    params = {
        "number": {"type": "int | float", "description": "The <b>number</b>", "default": None},
        "ndigits": {"type": "int", "description": "Digits to keep", "default": "0"},
    }
    with gr.Blocks() as demo:
        gr.ParamViewer(params)
    page.goto(serve(demo))
    expect(page.get_by_text("Parameters", exact=True)).to_be_visible()
    page.get_by_text("ndigits", exact=True).click()
    expect(page.get_by_text("Digits to keep")).to_be_visible()
    expect(page.locator(".paramviewer-default code")).to_have_text("= 0")
    page.get_by_text("number", exact=True).click()
    expect(page.get_by_text("The <b>number</b>")).to_be_visible()
    expect(page.locator(".paramviewer b")).to_have_count(0)
