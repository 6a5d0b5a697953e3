"""The image editor's tools in a browser: a stroke, a crop, undo and redo, and layers, as the
function receiving the value sees them (the dict of RGBA arrays Gradio gives it)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Locator, Page, expect

import limelight as gr

pytestmark = pytest.mark.browser


def _unlike_gradio(value: dict[str, Any]) -> str | None:
    """What differs from the value Gradio gives a ``type="numpy"`` editor: a dict of exactly
    background, layers (a list) and composite, each image an RGBA uint8 array."""
    if set(value) != {"background", "layers", "composite"} or not isinstance(value["layers"], list):
        return f"keys {sorted(value)}"
    images = [value["background"], *value["layers"], value["composite"]]
    shapes = {
        (str(image.dtype), image.ndim, image.shape[-1]) for image in images if image is not None
    }
    return None if shapes <= {("uint8", 3, 4)} else f"images {shapes}"


def _report(value: dict[str, Any] | None) -> str:
    """The sizes of what the function got, and the composite's middle and top right pixels."""
    if value is None or value["composite"] is None:
        return "nothing"
    unlike = _unlike_gradio(value)
    if unlike is not None:
        return unlike
    flat = value["composite"]
    height, width = flat.shape[:2]
    layers = ",".join(f"{layer.shape[1]}x{layer.shape[0]}" for layer in value["layers"])
    pixels = [
        tuple(int(c) for c in flat[y, x, :3])
        for (x, y) in ((width // 2, height // 2), (width - 1, 0))
    ]
    background = value["background"]
    bg = "none" if background is None else f"{background.shape[1]}x{background.shape[0]}"
    return f"bg {bg} layers {layers} composite {width}x{height} pixels {pixels}"


@pytest.fixture
def editor_app(tmp_path: Path) -> gr.Blocks:
    from PIL import Image  # lazy: only this test draws a background

    Image.new("RGB", (200, 100), (255, 0, 0)).save(tmp_path / "red.png")
    with gr.Blocks() as demo:
        editor = gr.ImageEditor(
            str(tmp_path / "red.png"),
            type="numpy",
            brush=gr.Brush(default_size=10, colors=["#0000ff"]),
            label="Editor",
        )
        changed = gr.Textbox(label="Changed")
        submitted = gr.Textbox(label="Submitted")
        submit = gr.Button("Submit")
        editor.change(_report, editor, changed)
        submit.click(_report, editor, submitted)
    return demo


def _drag(
    page: Page, canvas: Locator, start: tuple[int, int], end: tuple[int, int], width: int = 200
) -> None:
    """A drag between two points given in the pixels of the image, ``width`` pixels wide."""
    box = canvas.bounding_box()
    assert box is not None
    scale = box["width"] / width

    def at(point: tuple[int, int]) -> tuple[float, float]:
        return box["x"] + point[0] * scale, box["y"] + point[1] * scale

    page.mouse.move(*at(start))
    page.mouse.down()
    for step in range(1, 9):
        x = start[0] + (end[0] - start[0]) * step / 8
        y = start[1] + (end[1] - start[1]) * step / 8
        page.mouse.move(*at((round(x), round(y))))
    page.mouse.up()


BLUE, RED = (0, 0, 255), (255, 0, 0)


def test_stroke_crop_undo_redo_reach_the_function(
    page: Page, serve: Callable[..., str], editor_app: gr.Blocks
) -> None:
    page.goto(serve(editor_app))
    canvas = page.get_by_label("Drawing canvas")
    expect(canvas).to_be_visible()
    changed = page.get_by_label("Changed")

    _drag(page, canvas, (20, 50), (180, 50))
    full = f"bg 200x100 layers 200x100 composite 200x100 pixels [{BLUE}, {RED}]"
    expect(changed).to_have_value(full)

    page.get_by_role("button", name="Crop", exact=True).click()
    _drag(page, canvas, (10, 10), (110, 90))
    page.get_by_role("button", name="Apply crop").click()
    cropped = f"bg 100x80 layers 100x80 composite 100x80 pixels [{BLUE}, {RED}]"
    expect(changed).to_have_value(cropped)

    page.get_by_role("button", name="Undo").click()
    expect(changed).to_have_value(full)
    expect(page.locator(".imageeditor")).to_have_attribute("aria-busy", "false")
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_label("Submitted")).to_have_value(full)

    page.get_by_role("button", name="Redo").click()
    expect(changed).to_have_value(cropped)
    expect(page.locator(".imageeditor")).to_have_attribute("aria-busy", "false")
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_label("Submitted")).to_have_value(cropped)


def test_layers_add_hide_and_zoom(
    page: Page, serve: Callable[..., str], editor_app: gr.Blocks
) -> None:
    page.goto(serve(editor_app))
    canvas = page.get_by_label("Drawing canvas")
    expect(canvas).to_be_visible()
    changed = page.get_by_label("Changed")

    page.get_by_role("button", name="Add layer").click()
    expect(changed).to_have_value(
        f"bg 200x100 layers 200x100,200x100 composite 200x100 pixels [{RED}, {RED}]"
    )
    _drag(page, canvas, (20, 50), (180, 50))
    expect(changed).to_have_value(
        f"bg 200x100 layers 200x100,200x100 composite 200x100 pixels [{BLUE}, {RED}]"
    )
    page.get_by_role("button", name="Hide Layer 2").click()
    expect(changed).to_have_value(
        f"bg 200x100 layers 200x100,200x100 composite 200x100 pixels [{RED}, {RED}]"
    )
    page.get_by_role("button", name="Delete Layer 2").click()
    expect(changed).to_have_value(
        f"bg 200x100 layers 200x100 composite 200x100 pixels [{RED}, {RED}]"
    )

    width = canvas.bounding_box()["width"]  # type: ignore[index]
    page.get_by_role("button", name="Zoom in").click()
    expect(page.get_by_label("Zoom", exact=True)).to_have_text("150%")
    assert canvas.bounding_box()["width"] == pytest.approx(width * 1.5)  # type: ignore[index]
    page.get_by_role("button", name="Fit").click()
    expect(page.get_by_label("Zoom", exact=True)).to_have_text("100%")


def test_a_blank_sketchpad_sends_a_white_background_and_erases(
    page: Page, serve: Callable[..., str]
) -> None:
    with gr.Blocks() as demo:
        pad = gr.Sketchpad(
            type="numpy",
            canvas_size=(200, 100),
            brush=gr.Brush(default_size=10, colors=["#0000ff"]),
        )
        changed = gr.Textbox(label="Changed")
        pad.change(_report, pad, changed)
    page.goto(serve(demo))
    canvas = page.get_by_label("Drawing canvas")
    expect(canvas).to_be_visible()
    white = (255, 255, 255)

    _drag(page, canvas, (20, 50), (180, 50))
    drawn = f"bg 200x100 layers 200x100 composite 200x100 pixels [{BLUE}, {white}]"
    expect(page.get_by_label("Changed")).to_have_value(drawn)

    page.get_by_role("button", name="Eraser", exact=True).click()
    page.get_by_label("Eraser size").fill("40")
    _drag(page, canvas, (60, 50), (140, 50))
    erased = f"bg 200x100 layers 200x100 composite 200x100 pixels [{white}, {white}]"
    expect(page.get_by_label("Changed")).to_have_value(erased)


def test_a_fixed_canvas_fits_the_background_into_it(
    page: Page, serve: Callable[..., str], tmp_path: Path
) -> None:
    from PIL import Image  # lazy: only this test draws a background

    Image.new("RGB", (200, 100), (255, 0, 0)).save(tmp_path / "wide.png")
    with gr.Blocks() as demo:
        editor = gr.ImageEditor(
            str(tmp_path / "wide.png"), type="numpy", canvas_size=(100, 100), fixed_canvas=True
        )
        changed = gr.Textbox(label="Changed")
        editor.change(_report, editor, changed)
    page.goto(serve(demo))
    canvas = page.get_by_label("Drawing canvas")
    expect(canvas).to_be_visible()
    # A stroke along the white band under the fitted image.
    _drag(page, canvas, (10, 90), (80, 90), width=100)
    white = (255, 255, 255)
    fitted = f"bg 100x100 layers 100x100 composite 100x100 pixels [{RED}, {white}]"
    expect(page.get_by_label("Changed")).to_have_value(fitted)
