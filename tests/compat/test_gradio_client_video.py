"""The official gradio_client sending videos to a limelight app, with no ``ffmpeg`` program on
PATH: those browsers play (H.264, VP9, AV1) reach the function and come back byte for byte,
the others (AVI, Matroska, QuickTime, MPEG-4 Part 2, HEVC) as H.264/AAC MP4;
``format="webm"`` gives VP9/Opus."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import limelight as gr
from limelight.components import video_codec

pytest.importorskip("gradio_client")
from gradio_client import Client, handle_file

from tests.compat.support import digest, served_client
from tests.video_support import CLIPS, clip

pytestmark = [pytest.mark.compat, pytest.mark.usefixtures("no_ffmpeg")]


def facts(path: str | Path) -> dict[str, Any]:
    found = video_codec.probe(path)
    return {
        "suffix": Path(path).suffix,
        "codecs": [found.video, found.audio],
        "sha256": digest(path),
    }


def video_app() -> gr.Blocks:
    with gr.Blocks() as demo:
        video, seen = gr.Video(), gr.JSON()
        video.change(facts, video, seen, api_name="seen")
        gr.Button().click(lambda v: v, video, gr.Video(), api_name="echo")
        gr.Button().click(lambda v: v, video, gr.Video(format="webm"), api_name="webm")
    return demo


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Client]:
    with served_client(video_app(), tmp_path_factory.mktemp("downloads")) as served:
        yield served


@pytest.mark.parametrize("name", CLIPS)
def test_the_function_gets_a_video_browsers_play(client: Client, tmp_path: Path, name: str) -> None:
    upload = clip(tmp_path, name)
    seen = client.predict(handle_file(str(upload)), api_name="/seen")
    if CLIPS[name][2]:
        assert seen == facts(upload)
    else:
        assert (seen["suffix"], seen["codecs"]) == (".mp4", ["h264", "aac"])


@pytest.mark.parametrize("name", CLIPS)
def test_each_video_comes_back_playable(client: Client, tmp_path: Path, name: str) -> None:
    upload = clip(tmp_path, name)
    result = client.predict(handle_file(str(upload)), api_name="/echo")
    assert video_codec.browser_playable(result)
    if CLIPS[name][2]:
        assert digest(result) == digest(upload)
    else:
        assert facts(result)["codecs"] == ["h264", "aac"]


def test_format_webm_gives_vp9_and_opus(client: Client, tmp_path: Path) -> None:
    result = client.predict(handle_file(str(clip(tmp_path, "mpeg4-mp3.avi"))), api_name="/webm")
    assert (Path(result).suffix, facts(result)["codecs"]) == (".webm", ["vp9", "opus"])
