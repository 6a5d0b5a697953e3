"""MultimodalTextbox: ``{"text", "files"}`` in and out."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import limelight as gr
from limelight.components.base import PayloadError
from limelight.testing import AppTester


def test_preprocess_gives_text_and_paths(tmp_path: Path) -> None:
    image = tmp_path / "a.png"
    image.write_bytes(b"png")
    box = gr.MultimodalTextbox()
    payload = {
        "text": "look",
        "files": [{"path": str(image), "meta": {"_type": "gradio.FileData"}}],
    }
    out = box.preprocess(payload)
    assert out is not None
    assert out["text"] == "look"
    assert Path(out["files"][0]).read_bytes() == b"png"
    assert box.preprocess("just text") == {"text": "just text", "files": []}
    assert box.preprocess(None) is None


@pytest.mark.parametrize(
    "payload", [5, [1], {"text": 3}, {"text": "x", "files": "a.png"}, {"text": "x", "files": [{}]}]
)
def test_bad_payloads_are_refused(payload: Any) -> None:
    with pytest.raises(PayloadError):
        gr.MultimodalTextbox().preprocess(payload)


def test_postprocess_makes_file_data(tmp_path: Path) -> None:
    sound = tmp_path / "b.wav"
    sound.write_bytes(b"RIFF")
    out = gr.MultimodalTextbox().postprocess({"text": "hi", "files": [str(sound)]})
    assert out is not None
    assert out["text"] == "hi"
    assert out["files"][0]["orig_name"] == "b.wav"
    assert out["files"][0]["meta"] == {"_type": "gradio.FileData"}
    assert gr.MultimodalTextbox().postprocess("t") == {"text": "t", "files": []}


def test_api_info_matches_gradio_title() -> None:
    info = gr.MultimodalTextbox().api_info()
    assert info["title"] == "MultimodalData"
    assert set(info["properties"]) == {"text", "files"}


def test_none_shows_an_empty_box() -> None:
    assert gr.MultimodalTextbox().postprocess(None) == {"text": "", "files": []}


def test_an_update_that_clears_the_box_sends_an_empty_value() -> None:
    with gr.Blocks() as demo:
        box = gr.MultimodalTextbox()
        box.submit(lambda m: gr.MultimodalTextbox(value=None, interactive=False), box, box)
    with AppTester(demo) as page:
        page.set(box, {"text": "hi", "files": []})
        (update,) = page.submit(box).data
        assert page.value(box) == {"text": "", "files": []}
        assert page.props(box)["interactive"] is False
    assert update["value"] == {"text": "", "files": []}
    assert update["interactive"] is False


def test_files_of_a_type_not_in_file_types_are_refused(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("x")
    payload = {"text": "", "files": [{"path": str(notes), "meta": {"_type": "gradio.FileData"}}]}
    with pytest.raises(PayloadError, match=r"Invalid file type: notes\.txt.*'image'"):
        gr.MultimodalTextbox(file_types=["image"]).preprocess(payload)
    assert gr.MultimodalTextbox(file_types=[".txt"]).preprocess(payload) is not None
