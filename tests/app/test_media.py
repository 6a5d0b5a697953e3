"""Sample media (``gr.get_image`` and ``gradio.media``): stand-ins made on first use."""

from __future__ import annotations

import wave
from pathlib import Path

import pytest
from PIL import Image

import limelight as gr
from limelight.app import media


@pytest.fixture(autouse=True)
def media_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(media, "MEDIA_ROOT", tmp_path / "media")
    monkeypatch.delenv("LIMELIGHT_MEDIA_DIR", raising=False)
    monkeypatch.delenv("GRADIO_MEDIA_DIR", raising=False)
    return tmp_path / "media"


def test_images_are_real_pictures_in_the_named_format(media_root: Path) -> None:
    png, jpg = gr.get_image("logo.png"), media.get_image("cheetah.jpg")
    assert Path(png).parent == media_root / "images"
    with Image.open(png) as picture:
        assert (picture.format, picture.size) == ("PNG", (256, 192))
    with Image.open(jpg) as picture:
        assert picture.format == "JPEG"
    assert media.get_image("logo.png") == png  # made once, then reused


def test_sounds_text_files_and_models(media_root: Path) -> None:
    with wave.open(media.get_audio("cantina.wav")) as sound:
        assert sound.getnframes() == 2 * sound.getframerate()
    assert Path(media.get_file("s1.srt")).read_text().startswith("1\n00:00:00,000 -->")
    assert Path(media.get_file("s2.vtt")).read_text().startswith("WEBVTT")
    assert Path(media.get_model3d("Bunny.obj")).read_text().startswith("v ")
    video = Path(media.get_video())
    assert video.suffix == ".mp4"
    assert video.read_bytes()[4:8] == b"ftyp"  # never empty: range requests get content


def test_a_media_folder_with_real_files_wins(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = tmp_path / "real" / "images" / "lion.jpg"
    real.parent.mkdir(parents=True)
    real.write_bytes(b"jpeg bytes")
    monkeypatch.setenv("GRADIO_MEDIA_DIR", str(tmp_path / "real"))
    assert media.get_image("lion.jpg") == str(real)
    assert media.get_image("../../etc/passwd") != "/etc/passwd"  # only the base name is used


def test_media_paths_name_one_folder_per_kind() -> None:
    assert [path.name for path in media.MEDIA_PATHS] == list(media.KINDS)


def test_a_sample_video_is_a_playable_clip() -> None:
    pytest.importorskip("av")
    pytest.importorskip("numpy")
    from limelight.components import video_codec

    path = gr.get_video("world.mp4")
    assert video_codec.browser_playable(path)
    assert video_codec.probe(path).video == "h264"
