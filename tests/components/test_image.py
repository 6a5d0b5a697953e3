"""Image: numpy / PIL / filepath in and out, formats, modes and bad files."""

from __future__ import annotations

from pathlib import Path

import pytest

import limelight as gr
from limelight.components.base import PayloadError

np = pytest.importorskip("numpy")
PIL_Image = pytest.importorskip("PIL.Image")


@pytest.fixture
def png(tmp_path: Path) -> dict[str, str]:
    path = tmp_path / "in.png"
    PIL_Image.new("RGBA", (4, 2), (10, 20, 30, 255)).save(path)
    return {"path": str(path), "orig_name": "in.png"}


def test_numpy_input_respects_image_mode(png: dict[str, str]) -> None:
    assert gr.Image().preprocess(png).shape == (2, 4, 3)
    assert gr.Image(image_mode="L").preprocess(png).shape == (2, 4)
    assert gr.Image(image_mode=None).preprocess(png).shape == (2, 4, 4)


def test_pil_and_filepath_inputs(png: dict[str, str]) -> None:
    assert gr.Image(type="pil").preprocess(png).size == (4, 2)
    assert gr.Image(type="filepath").preprocess(png) == str(Path(png["path"]).resolve())


def test_array_output_defaults_to_webp_and_format_overrides() -> None:
    array = np.zeros((3, 5, 3), dtype=np.uint8)
    webp = gr.Image().postprocess(array)
    assert webp["orig_name"] == "image.webp" and webp["mime_type"] == "image/webp"
    png = gr.Image(format="png").postprocess(array)
    assert PIL_Image.open(png["path"]).size == (5, 3)


def test_float_and_pil_outputs() -> None:
    out = gr.Image(format="png").postprocess(np.full((2, 2), 0.5))
    assert PIL_Image.open(out["path"]).getpixel((0, 0)) == 128
    pil = gr.Image(format="jpeg").postprocess(PIL_Image.new("RGBA", (2, 2)))
    assert pil["orig_name"] == "image.jpg"


def test_paths_and_urls_pass_through(png: dict[str, str]) -> None:
    assert gr.Image().postprocess(png["path"])["orig_name"] == "in.png"
    url = "https://example.com/cat.png"
    assert gr.Image().postprocess(url)["url"] == url


def test_corrupt_image_is_a_payload_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.png"
    bad.write_bytes(b"not an image")
    with pytest.raises(PayloadError, match=r"Cannot read bad\.png"):
        gr.Image().preprocess({"path": str(bad)})
    with pytest.raises(PayloadError):
        gr.Image(type="filepath").preprocess({"path": str(bad)})


def test_unknown_type_is_refused() -> None:
    with pytest.raises(ValueError, match="type"):
        gr.Image(type="bytes")  # type: ignore[arg-type]


def test_api_info_matches_gradio_title() -> None:
    info = gr.Image().api_info()
    assert info["title"] == "ImageData"
    assert info["properties"]["meta"]["default"] == {"_type": "gradio.FileData"}
