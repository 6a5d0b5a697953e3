"""Walkthrough and Draggable in a browser: steps shown one at a time, moved on by a
function or a step header; children reordered by the keyboard."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

import limelight as gr

pytestmark = pytest.mark.browser


def picked(evt: gr.SelectData) -> str:
    return f"{evt.index}:{evt.value}"


def test_steps_show_one_at_a_time(page: Page, serve: Callable[..., str]) -> None:
    with gr.Blocks() as demo:
        with gr.Walkthrough(selected=0) as walk:
            with gr.Step("Image", id=0):
                go = gr.Button("go to prompt")
            with gr.Step("Prompt", id=1):
                gr.Textbox(label="Prompt text")
            with gr.Step("Result", id=2, interactive=False):
                gr.Textbox(label="Result text")
        chosen = gr.Textbox(label="Chosen")
        go.click(lambda: gr.Walkthrough(selected=1), None, walk)
        walk.select(picked, None, chosen)
    page.goto(serve(demo))
    expect(page.get_by_role("button", name="go to prompt")).to_be_visible()
    expect(page.get_by_label("Prompt text")).to_have_count(0)
    page.get_by_role("button", name="go to prompt").click()
    expect(page.get_by_label("Prompt text")).to_be_visible()
    expect(page.get_by_role("button", name="go to prompt")).to_be_hidden()
    expect(page.get_by_role("button", name="3 Result")).to_be_disabled()
    page.get_by_role("button", name="1 Image").click()
    expect(page.get_by_role("button", name="go to prompt")).to_be_visible()
    expect(page.get_by_label("Chosen")).to_have_value("0:Image")


def test_draggable_children_move_with_alt_arrows(page: Page, serve: Callable[..., str]) -> None:
    with gr.Blocks() as demo, gr.Draggable(orientation="column"):
        gr.Markdown("first")
        gr.Markdown("second")
    page.goto(serve(demo))
    items = page.locator(".draggable-item")
    expect(items).to_have_count(2)
    expect(items.nth(0)).to_contain_text("first")
    items.nth(0).focus()
    page.keyboard.press("Alt+ArrowDown")
    expect(items.nth(0)).to_contain_text("second")
    expect(items.nth(1)).to_contain_text("first")
