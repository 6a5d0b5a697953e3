"""Dialogue in a browser: lines edited and submitted, tags offered after ":", and the text
view made by the app's own formatter."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

import limelight as gr

pytestmark = pytest.mark.browser


def test_edit_tag_submit_and_text_view(page: Page, serve: Callable[..., str]) -> None:
    with gr.Blocks() as demo:
        dialogue = gr.Dialogue(
            [{"speaker": "Ann", "text": "Hello"}],
            speakers=["Ann", "Bob"],
            tags=["(laughs)"],
            formatter=lambda s, t: f"{s}> {t}",
            interactive=True,
        )
        out = gr.Textbox(label="Output", lines=3)
        dialogue.submit(lambda text: text, dialogue, out)
    page.goto(serve(demo))
    page.get_by_role("button", name="Add line").click()
    expect(page.get_by_label("Speaker of line 2")).to_have_value("Bob")
    second = page.get_by_label("Text of line 2")
    second.fill("Hi:")
    page.get_by_role("button", name="(laughs)").click()
    expect(second).to_have_value("Hi(laughs) ")
    second.press("Enter")
    expect(page.get_by_label("Output")).to_have_value("Ann> Hello\nBob> Hi(laughs) ")
    page.get_by_role("button", name="Text view").click()
    expect(page.locator(".dialogue-textarea")).to_have_value("Ann> Hello\nBob> Hi(laughs) ")
