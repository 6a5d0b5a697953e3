"""ImageSlider in a browser: a pair shown with a draggable divider, and upload."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

import limelight as gr

pytestmark = pytest.mark.browser
np = pytest.importorskip("numpy")
PIL_Image = pytest.importorskip("PIL.Image")


def test_pair_divider_and_upload(page: Page, serve: Callable[..., str], tmp_path: Path) -> None:
    red = np.full((40, 80, 3), (255, 0, 0), dtype=np.uint8)
    blue = np.full((40, 80, 3), (0, 0, 255), dtype=np.uint8)
    with gr.Blocks() as demo:
        gr.ImageSlider(value=(red, blue), label="Compare", slider_position=25)
        editable = gr.ImageSlider(label="Mine", type="pil", interactive=True)
        size = gr.Textbox(label="Size")
        editable.upload(lambda pair: f"{pair[0].size} {pair[1]}", editable, size)
    page.goto(serve(demo))
    handle = page.get_by_role("slider", name="Compare images")
    expect(handle).to_have_attribute("aria-valuenow", "25")
    handle.focus()
    page.keyboard.press("ArrowRight")
    expect(handle).to_have_attribute("aria-valuenow", "30")
    expect(page.locator(".imageslider-b").first).to_have_attribute(
        "style", "clip-path: inset(0px 0px 0px 30%);"
    )
    path = tmp_path / "photo.png"
    PIL_Image.new("RGB", (12, 9), (0, 200, 0)).save(path)
    mine = page.locator("[data-block]").filter(has=page.get_by_text("Mine", exact=True)).last
    mine.locator("input[type=file]").set_input_files(str(path))
    expect(page.get_by_label("Size")).to_have_value("(12, 9) None")
