"""ImageSlider: a pair of images in and out."""

from __future__ import annotations

from pathlib import Path

import pytest

import limelight as gr
from limelight.components.base import PayloadError

np = pytest.importorskip("numpy")
Image = pytest.importorskip("PIL.Image")


def test_pair_round_trips_as_each_type() -> None:
    red = np.full((4, 6, 3), (255, 0, 0), dtype=np.uint8)
    blue = Image.new("RGB", (6, 4), (0, 0, 255))
    payload = gr.ImageSlider().postprocess((red, blue))
    assert len(payload) == 2 and payload[0]["orig_name"] == "image.webp"
    arrays = gr.ImageSlider().preprocess(payload)
    assert isinstance(arrays, tuple) and arrays[0].shape == (4, 6, 3)
    pils = gr.ImageSlider(type="pil").preprocess(payload)
    assert pils[1].size == (6, 4)
    paths = gr.ImageSlider(type="filepath").preprocess(payload)
    assert all(Path(p).is_file() for p in paths)


def test_either_image_may_be_missing(tmp_path: Path) -> None:
    path = tmp_path / "a.png"
    Image.new("RGB", (3, 3)).save(path)
    payload = gr.ImageSlider().postprocess((str(path), None))
    assert payload[1] is None and payload[0]["orig_name"] == "a.png"
    assert gr.ImageSlider(type="filepath").preprocess(payload)[1] is None
    assert gr.ImageSlider().postprocess(None) is None


def test_bad_values_are_refused(tmp_path: Path) -> None:
    with pytest.raises(TypeError):
        gr.ImageSlider().postprocess("one.png")
    for bad in ([1, 2], [None], {"path": "x"}):
        with pytest.raises(PayloadError):
            gr.ImageSlider().check_payload(bad)
    text = tmp_path / "notes.txt"
    text.write_text("not an image")
    with pytest.raises(PayloadError):
        gr.ImageSlider().preprocess([{"path": str(text)}, None])


def test_props_and_api_info() -> None:
    from limelight.app.api_info import python_type

    component = gr.ImageSlider(slider_position=30, max_height=200, type="pil")
    props = component.component_props()
    assert props["slider_position"] == 30 and props["max_height"] == 200
    assert component.api_info()["title"] == "SliderData"
    assert python_type(component.api_info()) == "tuple[filepath | None, filepath | None] | None"
    with pytest.raises(ValueError):
        gr.ImageSlider(type="bytes")  # type: ignore[arg-type]
