"""AnnotatedImage in a browser: the image with its masks, a legend, and select on a label."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

import limelight as gr

pytestmark = pytest.mark.browser
np = pytest.importorskip("numpy")
pytest.importorskip("PIL.Image")


def test_masks_legend_and_select(page: Page, serve: Callable[..., str]) -> None:
    image = np.full((40, 60, 3), 200, dtype=np.uint8)
    mask = np.zeros((40, 60))
    mask[5:20, 5:20] = 1.0
    with gr.Blocks() as demo:
        button = gr.Button("Annotate")
        shown = gr.AnnotatedImage(label="Sections", color_map={"leaf": "#00aa00"})
        picked = gr.Textbox(label="Picked")
        button.click(lambda: (image, [(mask, "leaf"), ((30, 10, 55, 35), "box")]), None, shown)

        def pick(evt: gr.SelectData) -> str:
            return f"{evt.index}:{evt.value}"

        shown.select(pick, None, picked)
    page.goto(serve(demo))
    page.get_by_role("button", name="Annotate").click()
    masks = page.locator(".annotated-mask")
    expect(masks).to_have_count(2)
    for i in range(2):
        loaded = "el => el.complete && el.naturalWidth === 60"
        page.wait_for_function(loaded, arg=masks.nth(i).element_handle())
    leaf = page.get_by_role("button", name="leaf")
    leaf.hover()
    expect(masks.nth(1)).to_have_class("annotated-mask dimmed")
    page.get_by_role("button", name="box").click()
    expect(page.get_by_label("Picked")).to_have_value("1:box")
