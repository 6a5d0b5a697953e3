"""gr.Video hands functions and browsers playable videos: a file browsers play is untouched,
another (an AVI, MPEG-4 Part 2 in MP4) is transcoded with PyAV; streamed outputs become
fragmented MP4 segments. No ``ffmpeg`` program is on PATH while these run."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import pytest

import limelight as gr
from limelight.components import video_codec
from tests.support import asgi_client, completion, run_event
from tests.video_support import CLIPS, clip, encode

av = pytest.importorskip("av")
np = pytest.importorskip("numpy")
pytestmark = pytest.mark.usefixtures("no_ffmpeg")


@pytest.fixture
def h264(tmp_path: Path) -> Path:
    return encode(tmp_path / "clip.mp4", "h264", sound="aac")


@pytest.fixture
def avi(tmp_path: Path) -> Path:
    return encode(tmp_path / "clip.avi", "mpeg4")


def codecs(path: str | Path) -> tuple[str, str | None, str | None]:
    found = video_codec.probe(path)
    return Path(path).suffix, found.video, found.audio


def test_h264_is_encodable_in_the_wheel() -> None:
    assert video_codec.preferred_format() == "mp4"


@pytest.mark.parametrize("name", CLIPS)
def test_playable_files_are_recognised(name: str, tmp_path: Path) -> None:
    assert video_codec.browser_playable(clip(tmp_path, name)) is CLIPS[name][2]


def test_codecs_are_named_as_codecs_not_as_their_decoders(tmp_path: Path) -> None:
    assert codecs(clip(tmp_path, "av1-mp3.mp4")) == (".mp4", "av1", "mp3")


def test_a_playable_upload_reaches_the_function_untouched(h264: Path) -> None:
    assert gr.Video().preprocess({"path": str(h264)}) == str(h264)


def test_an_avi_upload_reaches_the_function_as_h264(avi: Path) -> None:
    path = gr.Video().preprocess({"path": str(avi)})
    assert codecs(path) == (".mp4", "h264", None)


def test_mpeg4_part2_in_mp4_is_transcoded_on_output(tmp_path: Path) -> None:
    payload = gr.Video().postprocess(str(encode(tmp_path / "part2.mp4", "mpeg4", sound="mp2")))
    assert codecs(payload["path"]) == (".mp4", "h264", "aac")


def test_h264_in_matroska_is_transcoded_and_the_temporary_file_removed(tmp_path: Path) -> None:
    made = Path(tempfile.gettempdir()).glob
    before = set(made("limelight-video-*"))
    payload = gr.Video().postprocess(str(encode(tmp_path / "clip.mkv", "h264")))
    assert codecs(payload["path"]) == (".mp4", "h264", None)
    assert set(made("limelight-video-*")) == before


def test_a_playable_output_is_stored_as_it_is(h264: Path) -> None:
    payload = gr.Video().postprocess(str(h264))
    assert Path(payload["path"]).read_bytes() == h264.read_bytes()


def test_format_asks_for_a_container(h264: Path) -> None:
    payload = gr.Video(format="webm").postprocess(str(h264))
    assert codecs(payload["path"]) == (".webm", "vp9", "opus")


def test_a_watermark_is_drawn_on_every_frame(h264: Path, tmp_path: Path) -> None:
    mark = tmp_path / "mark.png"
    pil = pytest.importorskip("PIL.Image")
    pil.new("RGB", (16, 16), (0, 255, 0)).save(mark)
    watermark = gr.WatermarkOptions(watermark=str(mark), position="top-left")
    payload = gr.Video(watermark=watermark).postprocess(str(h264))
    with av.open(payload["path"]) as container:
        frames = [f.to_ndarray(format="rgb24") for f in container.decode(video=0)]
    assert len(frames) == 12
    for frame in frames:
        green = frame[14:22, 14:22].mean(axis=(0, 1))  # inside the mark, 10 px in
        assert green[1] > 200 and green[0] < 60


def test_a_streamed_output_is_a_fragmented_mp4_segment(avi: Path) -> None:
    payload = gr.Video(streaming=True).postprocess(str(avi))
    data = Path(payload["path"]).read_bytes()
    assert codecs(payload["path"])[:2] == (".mp4", "h264")
    assert data[4:8] == b"ftyp" and b"moof" in data and b"avcC" in data


@pytest.mark.anyio
async def test_the_function_gets_a_playable_path_through_the_server(avi: Path) -> None:
    seen: list[Any] = []

    def probe(video: str) -> str:
        seen.append(codecs(video))
        return video

    with gr.Blocks() as demo:
        inp, out = gr.Video(), gr.Video()
        gr.Button().click(probe, inp, out, api_name="probe")
    async with asgi_client(demo) as client:
        upload = await client.post(
            "/gradio_api/upload", files={"files": ("clip.avi", avi.read_bytes())}
        )
        path = upload.json()[0]
        messages = await run_event(client, 0, [{"path": path, "orig_name": "clip.avi"}])
    assert seen == [(".mp4", "h264", None)]
    assert completion(messages)["output"]["data"][0]["orig_name"] == "clip.mp4"
