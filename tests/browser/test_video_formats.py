"""Every video gr.Video outputs plays in Debian's chromium (a duration, no error): those
browsers play as they are (H.264/AAC MP4, VP9/Opus WebM, AV1/MP3 MP4) and the transcoded
others (AVI, Matroska, QuickTime, MPEG-4 Part 2, HEVC), also as ``format="webm"``. An upload
through the page reaches the function as it is or as H.264/AAC MP4. No ``ffmpeg`` is on
PATH."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

import limelight as gr
from limelight.components import video_codec
from tests.browser.support import media_loaded
from tests.video_support import CLIPS, clip

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("no_ffmpeg")]


@pytest.mark.parametrize("fmt", [None, "webm"])
@pytest.mark.parametrize("name", CLIPS)
def test_each_output_plays(
    page: Page, serve: Callable[..., str], tmp_path: Path, name: str, fmt: str | None
) -> None:
    source = clip(tmp_path, name, frames=24)
    with gr.Blocks() as demo:
        gr.Video(str(source), format=fmt, elem_id="out")
    page.goto(serve(demo))
    video = page.locator("#out video")
    expect(video).to_be_attached()
    played = media_loaded(video)
    assert played["error"] is None
    assert played["duration"] == pytest.approx(2, abs=0.2)
    kept = CLIPS[name][2] and fmt in (None, source.suffix[1:])
    suffix = source.suffix if kept else f".{fmt or 'mp4'}"
    assert str(video.get_attribute("src")).endswith(suffix)


def codecs(path: str) -> str:
    found = video_codec.probe(path)
    return f"{Path(path).suffix} {found.video} {found.audio}"


@pytest.mark.parametrize("name", CLIPS)
def test_each_upload_reaches_the_function_playable_and_plays_back(
    page: Page, serve: Callable[..., str], tmp_path: Path, name: str
) -> None:
    with gr.Blocks() as demo:
        video, got, back = gr.Video(elem_id="in"), gr.Textbox(label="Got"), gr.Video(elem_id="out")
        video.upload(codecs, video, got).then(lambda v: v, video, back)
    page.goto(serve(demo))
    upload = clip(tmp_path, name, frames=24)
    page.locator("#in input[type=file]").set_input_files(str(upload))
    kept = codecs(str(upload)) if CLIPS[name][2] else ".mp4 h264 aac"
    expect(page.get_by_label("Got")).to_have_value(kept)
    # The preview of an upload chromium cannot decode says so (the function got it as MP4).
    preview = media_loaded(page.locator("#in video"))
    alert = page.locator("#in").get_by_role("alert")
    if name.endswith(".avi"):
        assert preview["error"] is not None, "chromium plays AVI now: pick another unplayable clip"
    if preview["error"] is None:
        expect(alert).to_have_count(0)
    else:
        assert not CLIPS[name][2], "chromium plays what gr.Video leaves as it is"
        expect(alert).to_have_text(re.compile("not playable.*converted to MP4"))
    played = media_loaded(page.locator("#out video"))
    assert played["error"] is None
    assert played["duration"] == pytest.approx(2, abs=0.2)
