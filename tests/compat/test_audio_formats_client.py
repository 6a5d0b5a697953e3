"""The official gradio_client sending compressed audio to a limelight app and getting back
the ``format`` the output asks for, with no ``ffmpeg`` program on PATH."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import limelight as gr

pytest.importorskip("gradio_client")
np = pytest.importorskip("numpy")
av = pytest.importorskip("av")
from gradio_client import Client, handle_file  # noqa: E402

from tests.components.test_audio_formats import (  # noqa: E402
    PITCH,
    RATE,
    decode_with_pyav,
    dominant_frequency,
    encode_with_pyav,
    tone,
)

pytestmark = pytest.mark.compat

Serve = Callable[..., str]


def formats_app() -> gr.Blocks:
    def describe(sound: tuple[int, Any]) -> tuple[tuple[int, Any], dict[str, Any]]:
        rate, samples = sound
        facts = {"rate": rate, "dtype": str(samples.dtype), "shape": list(samples.shape)}
        return sound, facts

    with gr.Blocks() as demo:
        sound_in = gr.Audio(type="numpy")
        facts = gr.JSON()
        for fmt in ("mp3", "flac"):
            out = gr.Audio(format=fmt)
            gr.Button().click(describe, sound_in, [out, facts], api_name=f"to_{fmt}")
    return demo


@pytest.fixture
def client(serve: Serve, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Client:
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    assert shutil.which("ffmpeg") is None
    return Client(serve(formats_app()), verbose=False, download_files=str(tmp_path / "dl"))


@pytest.mark.parametrize(("source", "fmt"), [("ogg", "mp3"), ("m4a", "flac"), ("wav24", "mp3")])
def test_uploads_decode_and_outputs_come_back_in_format(
    client: Client, tmp_path: Path, source: str, fmt: str
) -> None:
    upload = encode_with_pyav(source, tone(2), tmp_path)
    path, facts = client.predict(handle_file(str(upload)), api_name=f"/to_{fmt}")
    assert facts["rate"] == RATE and facts["dtype"] == "int16" and facts["shape"][1] == 2
    assert Path(path).suffix == f".{fmt}"
    codec, rate, samples = decode_with_pyav(Path(path).read_bytes())
    assert codec == fmt and rate == RATE
    assert dominant_frequency(rate, samples) == pytest.approx(PITCH, abs=5)
