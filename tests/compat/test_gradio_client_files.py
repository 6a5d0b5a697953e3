"""The official gradio_client uploading and downloading files through a limelight app."""

from __future__ import annotations

import io
import wave
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import limelight as gr

pytest.importorskip("gradio_client")
np = pytest.importorskip("numpy")
PIL_Image = pytest.importorskip("PIL.Image")
from gradio_client import Client, handle_file  # noqa: E402
from gradio_client.exceptions import AppError  # noqa: E402

pytestmark = pytest.mark.compat

Serve = Callable[..., str]


def wav_bytes(samples: Any, rate: int = 8000) -> bytes:
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(rate)
        wav.writeframes(np.asarray(samples, dtype="<i2").tobytes())
    return buffer.getvalue()


def media_app() -> gr.Blocks:
    with gr.Blocks() as demo:
        image_in = gr.Image(type="filepath")
        image_out = gr.Image(type="filepath")
        array_in = gr.Image(type="numpy")
        png_out = gr.Image(format="png")
        audio_in = gr.Audio(type="filepath")
        audio_out = gr.Audio()
        sound_in = gr.Audio(type="numpy")
        files_in = gr.File(file_count="multiple")
        names = gr.JSON()
        gr.Button().click(lambda p: p, image_in, image_out, api_name="echo_image")
        gr.Button().click(lambda a: a[:, ::-1], array_in, png_out, api_name="mirror")
        gr.Button().click(lambda p: p, audio_in, audio_out, api_name="echo_audio")
        gr.Button().click(lambda s: (s[0], s[1][::-1]), sound_in, audio_out, api_name="reverse")
        gr.Button().click(lambda ps: [Path(p).name for p in ps], files_in, names, api_name="names")
    return demo


@pytest.fixture
def client(serve: Serve, tmp_path: Path) -> Client:
    return Client(serve(media_app()), verbose=False, download_files=str(tmp_path / "dl"))


def test_image_round_trips_byte_for_byte(client: Client, tmp_path: Path) -> None:
    source = tmp_path / "in.png"
    PIL_Image.new("RGB", (5, 4), (1, 2, 3)).save(source)
    got = client.predict(handle_file(str(source)), api_name="/echo_image")
    assert Path(got).read_bytes() == source.read_bytes()
    assert Path(got).name == "in.png"


def test_numpy_image_comes_back_processed(client: Client, tmp_path: Path) -> None:
    source = tmp_path / "in.png"
    image = PIL_Image.new("RGB", (2, 1))
    image.putpixel((0, 0), (255, 0, 0))
    image.save(source)
    got = client.predict(handle_file(str(source)), api_name="/mirror")
    assert PIL_Image.open(got).getpixel((1, 0)) == (255, 0, 0)


def test_audio_round_trips_and_reverses(client: Client, tmp_path: Path) -> None:
    source = tmp_path / "tone.wav"
    samples = np.arange(-500, 500, dtype=np.int16)
    source.write_bytes(wav_bytes(samples))
    echoed = client.predict(handle_file(str(source)), api_name="/echo_audio")
    assert Path(echoed).read_bytes() == source.read_bytes()
    reversed_path = client.predict(handle_file(str(source)), api_name="/reverse")
    with wave.open(reversed_path) as wav:
        frames = np.frombuffer(wav.readframes(wav.getnframes()), dtype="<i2")
    assert frames.tolist() == samples[::-1].tolist()


def test_several_files_upload_in_one_call(client: Client, tmp_path: Path) -> None:
    paths = []
    for name in ("a.txt", "b.csv"):
        (tmp_path / name).write_text(name)
        paths.append(handle_file(str(tmp_path / name)))
    assert client.predict(paths, api_name="/names") == ["a.txt", "b.csv"]


def test_corrupt_audio_is_an_app_error(client: Client, tmp_path: Path) -> None:
    bad = tmp_path / "bad.wav"
    bad.write_bytes(b"RIFF garbage")
    with pytest.raises(AppError, match=r"Cannot read bad\.wav"):
        client.predict(handle_file(str(bad)), api_name="/reverse")


def test_max_file_size_is_enforced(serve: Serve, tmp_path: Path) -> None:
    client = Client(serve(media_app(), max_file_size="1kb"), verbose=False)
    big = tmp_path / "big.wav"
    big.write_bytes(wav_bytes(np.zeros(4000)))
    with pytest.raises(Exception, match=r"(?i)size|large|413"):
        client.predict(handle_file(str(big)), api_name="/echo_audio")
