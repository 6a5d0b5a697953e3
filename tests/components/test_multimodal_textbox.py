"""MultimodalTextbox: ``{"text", "files"}`` in and out."""

from __future__ import annotations

from typing import Any

import pytest

import limelight as gr
from limelight.components.base import PayloadError


def test_preprocess_gives_text_and_paths() -> None:
    box = gr.MultimodalTextbox()
    payload = {
        "text": "look",
        "files": [{"path": "/tmp/a.png", "meta": {"_type": "gradio.FileData"}}],
    }
    assert box.preprocess(payload) == {"text": "look", "files": ["/tmp/a.png"]}
    assert box.preprocess("just text") == {"text": "just text", "files": []}
    assert box.preprocess(None) is None


@pytest.mark.parametrize(
    "payload", [5, [1], {"text": 3}, {"text": "x", "files": "a.png"}, {"text": "x", "files": [{}]}]
)
def test_bad_payloads_are_refused(payload: Any) -> None:
    with pytest.raises(PayloadError):
        gr.MultimodalTextbox().preprocess(payload)


def test_postprocess_makes_file_data() -> None:
    out = gr.MultimodalTextbox().postprocess({"text": "hi", "files": ["/tmp/b.wav"]})
    assert out is not None
    assert out["text"] == "hi"
    assert out["files"][0]["path"] == "/tmp/b.wav"
    assert out["files"][0]["meta"] == {"_type": "gradio.FileData"}
    assert gr.MultimodalTextbox().postprocess("t") == {"text": "t", "files": []}


def test_api_info_matches_gradio_title() -> None:
    info = gr.MultimodalTextbox().api_info()
    assert info["title"] == "MultimodalData"
    assert set(info["properties"]) == {"text", "files"}
