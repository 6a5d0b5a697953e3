"""gr.WatermarkOptions: the watermark drawn on an Image output, where it is asked for."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
from PIL import Image as PILImage

import limelight as gr
from limelight.components.watermark import stamped
from limelight.files.processing import FileContext
from limelight.testing import AppTester


def _mark(tmp_path: Path) -> Path:
    path = tmp_path / "mark.png"
    PILImage.new("RGBA", (4, 4), (255, 0, 0, 255)).save(path)
    return path


def test_a_corner_is_inset_and_an_outside_position_falls_back(tmp_path: Path) -> None:
    base = np.zeros((40, 60, 3), dtype=np.uint8)
    top_left = stamped(base, gr.WatermarkOptions(_mark(tmp_path), "top-left"))
    assert top_left.getpixel((10, 10))[:3] == (255, 0, 0)
    assert top_left.getpixel((9, 9))[:3] == (0, 0, 0)
    outside = stamped(base, gr.WatermarkOptions(_mark(tmp_path), (100, 100)))
    assert outside.getpixel((60 - 10 - 1, 40 - 10 - 1))[:3] == (255, 0, 0)


def test_an_image_output_shows_the_watermark(tmp_path: Path) -> None:
    image = gr.Image(watermark=gr.WatermarkOptions(_mark(tmp_path), (0, 0)), format="png")
    payload = image.postprocess_with(np.zeros((20, 20, 3), dtype=np.uint8), FileContext.detached())
    with PILImage.open(payload.path) as shown:
        assert shown.convert("RGB").getpixel((1, 1)) == (255, 0, 0)


def test_a_returned_image_update_with_a_watermark_is_drawn_and_sent(tmp_path: Path) -> None:
    base = tmp_path / "base.png"
    PILImage.new("RGB", (30, 30), (0, 0, 255)).save(base)
    mark = _mark(tmp_path)

    def stamp() -> gr.Image:
        return gr.Image(str(base), watermark=gr.WatermarkOptions(str(mark), "top-left"))

    with gr.Blocks() as demo:
        out = gr.Image(format="png")
        button = gr.Button()
        button.click(stamp, None, out)
    with AppTester(demo) as page:
        page.click(button)
        assert page.props(out)["watermark"] == {"watermark": str(mark), "position": "top-left"}
        assert page.value(out)["url"]
        shown = PILImage.open(io.BytesIO(page.download(page.value(out))))
    assert shown.size == (30, 30)


def test_an_in_memory_watermark_is_sent_as_text_as_gradio_sends_it() -> None:
    def stamp(picture: np.ndarray) -> gr.Image:
        return gr.Image(picture, watermark=gr.WatermarkOptions(picture, "bottom-left"))

    with gr.Blocks() as demo:
        out = gr.Image(format="png")
        button = gr.Button()
        button.click(lambda: stamp(np.zeros((8, 8, 3), dtype=np.uint8)), None, out)
    with AppTester(demo) as page:
        sent = page.click(button).output["watermark"]
    assert sent["position"] == "bottom-left"
    assert sent["watermark"].startswith("<PIL.Image.Image image mode=RGB size=8x8")
