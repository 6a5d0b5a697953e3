"""Gradio 6 options of the media components: ``buttons``, ``watermark``, ``Video.end`` and
``Audio.pause_recording`` are accepted, so Gradio apps that use them run."""

from __future__ import annotations

import pytest

import limelight as gr


@pytest.mark.parametrize("cls", [gr.Image, gr.Audio, gr.Video])
def test_buttons_decide_the_download_button(cls: type[gr.Component]) -> None:
    assert cls(buttons=["download"]).config()["props"]["show_download_button"] is True
    props = cls(buttons=["fullscreen"]).config()["props"]
    assert props["show_download_button"] is False
    assert props["buttons"] == ["fullscreen"]
    assert cls().config()["props"]["show_download_button"] is True


def test_watermark_options_are_kept_by_image_and_video() -> None:
    mark = gr.WatermarkOptions(watermark="logo.png", position="top-left")
    assert gr.Image(watermark=mark).watermark is mark
    assert gr.Video(watermark=mark).watermark is mark
    assert gr.WatermarkOptions().position == "bottom-right"


def test_gradio_event_names() -> None:
    with gr.Blocks() as demo:
        video = gr.Video()
        audio = gr.Audio()
        out = gr.Number()
        video.end(lambda: 1, None, out)
        audio.pause_recording(lambda: 2, None, out)
    assert [dep.targets[0][1] for dep in demo.fns] == ["end", "pause_recording"]
    assert gr.ImageEditor(buttons=["fullscreen"]).config()["props"]["buttons"] == ["fullscreen"]
