"""gr.Video: its payload is one FileData (as in Gradio 6); subtitles are a prop, stored as
WebVTT whatever form the app gives them in."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import limelight as gr
from tests.support import asgi_client, completion, run_event

MP4 = b"\x00\x00\x00\x18ftypmp42"


@pytest.fixture
def clip(tmp_path: Path) -> Path:
    path = tmp_path / "clip.mp4"
    path.write_bytes(MP4)
    return path


def test_the_payload_is_a_plain_file(clip: Path) -> None:
    payload = gr.Video().postprocess(str(clip))
    assert payload["orig_name"] == "clip.mp4"
    assert payload["meta"] == {"_type": "gradio.FileData"}
    assert "video" not in payload
    assert gr.Video().api_info()["title"] == "FileData"
    assert gr.Video().preprocess(payload) == payload["path"]


def test_a_video_and_subtitles_pair_is_refused_as_in_gradio(clip: Path) -> None:
    with pytest.raises(TypeError, match="subtitles="):
        gr.Video().postprocess((str(clip), None))


def test_a_vtt_file_is_the_subtitles_prop(clip: Path, tmp_path: Path) -> None:
    vtt = tmp_path / "clip.vtt"
    vtt.write_text("WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nhi\n", encoding="utf-8")
    props = gr.Video(str(clip), subtitles=str(vtt)).config()["props"]
    assert props["value"]["orig_name"] == "clip.mp4"
    assert Path(props["subtitles"]["path"]).read_text(encoding="utf-8") == vtt.read_text("utf-8")


def test_srt_and_json_subtitles_become_webvtt(tmp_path: Path) -> None:
    srt = tmp_path / "a.srt"
    srt.write_text("1\n00:00:01,500 --> 00:00:02,000\nhello\n", encoding="utf-8")
    cues = [{"text": "hello", "timestamp": [1.5, 2]}]
    (tmp_path / "a.json").write_text(json.dumps(cues), encoding="utf-8")
    for given in (str(srt), str(tmp_path / "a.json"), cues):
        stored = Path(gr.Video(subtitles=given).subtitles["path"])
        text = stored.read_text(encoding="utf-8")
        assert stored.suffix == ".vtt"
        assert text.startswith("WEBVTT\n")
        assert "00:00:01.500 --> 00:00:02.000\nhello" in text


def test_other_subtitle_files_and_bad_cues_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="ending in one of"):
        gr.Video(subtitles=str(tmp_path / "a.txt"))
    with pytest.raises(ValueError, match="timestamp"):
        gr.Video(subtitles=[{"text": "no time"}])


@pytest.mark.anyio
async def test_a_function_sets_subtitles_with_an_update(clip: Path, tmp_path: Path) -> None:
    cues = [{"text": "hi", "timestamp": [0, 1]}]

    def show(_: Any) -> gr.Video:
        return gr.Video(value=str(clip), subtitles=cues)

    with gr.Blocks() as demo:
        out = gr.Video()
        gr.Button().click(show, out, out)
    async with asgi_client(demo) as client:
        done = completion(await run_event(client, 0, [None]))
    update = done["output"]["data"][0]
    assert update["value"]["orig_name"] == "clip.mp4"
    assert update["subtitles"]["url"].endswith(".vtt")
    assert update["subtitles"]["meta"] == {"_type": "gradio.FileData"}
