"""Gradio's other names for components: ``TextArea``, ``PlayableVideo``, ``DataFrame`` and the
``"playable_video"`` shortcut string."""

from __future__ import annotations

import limelight as gr
from limelight.components import component_from


def test_textarea_is_a_seven_line_textbox() -> None:
    box = gr.TextArea(label="Notes")
    assert isinstance(box, gr.Textbox)
    assert box.config()["props"]["lines"] == 7
    assert gr.TextArea(lines=3).config()["props"]["lines"] == 3


def test_playable_video_converts_to_mp4() -> None:
    for video in (gr.PlayableVideo(), component_from("playable_video")):
        assert isinstance(video, gr.Video)
        assert video.config()["props"]["format"] == "mp4"


def test_dataframe_spellings_are_one_class() -> None:
    assert gr.DataFrame is gr.Dataframe
