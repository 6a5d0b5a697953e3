"""The official gradio_client sending a video a browser cannot play and getting a playable one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import limelight as gr
from limelight.components import video_codec

pytest.importorskip("gradio_client")
from gradio_client import Client, handle_file

from tests.video_support import encode

pytestmark = pytest.mark.compat


def test_an_avi_round_trips_as_h264_mp4(serve: Callable[..., str], tmp_path: Path) -> None:
    seen: list[str | None] = []

    def echo(video: str) -> str:
        seen.append(video_codec.probe(video).video)
        return video

    demo = gr.Interface(echo, gr.Video(), gr.Video(), api_name="echo")
    client = Client(serve(demo), verbose=False, download_files=str(tmp_path / "dl"))
    result = client.predict(
        handle_file(str(encode(tmp_path / "clip.avi", "mpeg4"))), api_name="/echo"
    )
    assert seen == ["h264"]
    assert Path(result).suffix == ".mp4"
    assert video_codec.browser_playable(result)
