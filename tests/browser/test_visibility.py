"""``visible="hidden"`` (Gradio 6): the block stays in the page, undrawn, until shown."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

import limelight as gr

pytestmark = pytest.mark.browser


def test_a_hidden_block_is_in_the_page_and_shows_when_made_visible(
    page: Page, serve: Callable[..., str]
) -> None:
    with gr.Blocks() as app:
        counter = gr.Number(0, visible="hidden", elem_id="counter")
        said = gr.Textbox(label="Said")
        bump = gr.Button("Bump")
        reveal = gr.Button("Reveal")
        bump.click(lambda n: n + 1, counter, counter)
        counter.change(lambda n: f"count {n:g}", counter, said)
        reveal.click(lambda: gr.Number(visible=True), None, counter)
    page.goto(serve(app))
    block = page.locator("#counter")
    expect(block).to_be_attached()
    expect(block).to_be_hidden()
    expect(block).to_have_attribute("data-block", str(counter.id))
    page.get_by_role("button", name="Bump").click()
    expect(page.get_by_label("Said")).to_have_value("count 1")
    page.get_by_role("button", name="Reveal").click()
    expect(block).to_be_visible()
    expect(block.locator("input")).to_have_value("1")


def test_a_block_not_visible_is_not_in_the_page(page: Page, serve: Callable[..., str]) -> None:
    with gr.Blocks() as app:
        gr.Number(0, visible=False, elem_id="gone")
        gr.Textbox(label="Here")
    page.goto(serve(app))
    expect(page.get_by_label("Here")).to_be_visible()
    expect(page.locator("#gone")).to_have_count(0)
