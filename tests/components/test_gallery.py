"""Gallery and Video: lists of captioned images, and videos with subtitles."""

from __future__ import annotations

from pathlib import Path

import pytest

import limelight as gr
from limelight.components.base import PayloadError

np = pytest.importorskip("numpy")


def test_gallery_items_with_captions_round_trip() -> None:
    red = np.full((4, 4, 3), (255, 0, 0), dtype=np.uint8)
    payload = gr.Gallery().postprocess([(red, "red"), "https://example.com/x.png"])
    assert payload[0]["caption"] == "red" and payload[0]["image"]["orig_name"] == "image.webp"
    assert payload[1] == {
        "image": {**payload[1]["image"], "url": "https://example.com/x.png"},
        "caption": None,
    }
    back = gr.Gallery().preprocess(payload[:1])
    assert back[0][1] == "red" and Path(back[0][0]).is_file()
    arrays = gr.Gallery(type="numpy").preprocess(payload[:1])
    assert arrays[0][0].shape == (4, 4, 3)


def test_gallery_refuses_other_shapes() -> None:
    with pytest.raises(PayloadError):
        gr.Gallery().check_payload({"image": None})
    with pytest.raises(PayloadError):
        gr.Gallery().check_payload(["x"])


def test_gallery_api_info_offers_image_and_video_items() -> None:
    from limelight.app.api_info import python_type

    assert python_type(gr.Gallery().api_info()) == (
        "list[dict(image: filepath, caption: str | None)"
        " | dict(video: filepath, caption: str | None)]"
    )


def test_a_video_path_travels_as_one_file_payload_as_in_gradio_6(tmp_path: Path) -> None:
    clip = tmp_path / "clip.mp4"
    clip.write_bytes(b"\0\0\0 ftypisom")
    payload = gr.Video().postprocess(str(clip))
    assert payload["orig_name"] == "clip.mp4" and "video" not in payload
    assert gr.Video().preprocess(payload) == payload["path"]
    from limelight.app.api_info import python_type

    assert python_type(gr.Video().api_info()) == "filepath"
