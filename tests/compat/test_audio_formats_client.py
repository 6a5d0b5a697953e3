"""The official gradio_client sending audio of every format Audio reads to a limelight app,
as ``type="numpy"`` and ``type="filepath"``, and getting back each ``format`` an output
writes, with no ``ffmpeg`` program on PATH."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import limelight as gr
from limelight.components.audio_codecs import FORMATS

pytest.importorskip("gradio_client")
np = pytest.importorskip("numpy")
av = pytest.importorskip("av")
from gradio_client import Client, handle_file  # noqa: E402

from tests.compat.support import digest, served_client  # noqa: E402
from tests.media_support import (  # noqa: E402
    INPUTS,
    PITCH,
    RATE,
    decode_with_pyav,
    dominant_frequency,
    encode_with_pyav,
    tone,
)

pytestmark = [pytest.mark.compat, pytest.mark.usefixtures("no_ffmpeg")]

# format= -> the codec a decoder names and the rate it reports for a 44.1 kHz tone
WRITTEN = {
    "wav": ("pcm_s16le", RATE),
    "mp3": ("mp3", RATE),
    "ogg": ("opus", 48000),
    "flac": ("flac", RATE),
}


def sound_facts(sound: tuple[int, Any]) -> dict[str, Any]:
    rate, samples = sound
    return {
        "rate": rate,
        "dtype": str(samples.dtype),
        "shape": list(samples.shape),
        "pitch": dominant_frequency(rate, samples),
    }


def file_facts(path: str) -> dict[str, Any]:
    return {
        "suffix": Path(path).suffix,
        "sha256": digest(path),
    }


def formats_app() -> gr.Blocks:
    with gr.Blocks() as demo:
        facts = gr.JSON()
        as_numpy, as_path = gr.Audio(type="numpy"), gr.Audio(type="filepath")
        as_numpy.change(sound_facts, as_numpy, facts, api_name="numpy")
        as_path.change(file_facts, as_path, facts, api_name="filepath")
        for fmt in FORMATS:
            out = gr.Audio(format=fmt)
            gr.Button().click(lambda sound: sound, as_numpy, out, api_name=f"to_{fmt}")
    return demo


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Client]:
    """One app for the module; the PATH its functions see is the test's (``no_ffmpeg``)."""
    with served_client(formats_app(), tmp_path_factory.mktemp("downloads")) as served:
        yield served


@pytest.mark.parametrize("kind", INPUTS)
def test_each_format_reaches_a_numpy_input_as_int16_samples(
    client: Client, tmp_path: Path, kind: str
) -> None:
    upload = encode_with_pyav(kind, tone(2), tmp_path)
    facts = client.predict(handle_file(str(upload)), api_name="/numpy")
    assert facts["rate"] == INPUTS[kind][4]
    assert facts["dtype"] == "int16" and facts["shape"][1] == 2
    assert facts["pitch"] == pytest.approx(PITCH, abs=5)


@pytest.mark.parametrize("kind", INPUTS)
def test_each_format_reaches_a_filepath_input_as_uploaded(
    client: Client, tmp_path: Path, kind: str
) -> None:
    upload = encode_with_pyav(kind, tone(2), tmp_path)
    facts = client.predict(handle_file(str(upload)), api_name="/filepath")
    assert facts == file_facts(str(upload))


@pytest.mark.parametrize(
    ("fmt", "source"), zip(FORMATS, ("m4a", "ogg", "opus", "wav24"), strict=True)
)
def test_each_format_comes_back_as_asked(
    client: Client, tmp_path: Path, fmt: str, source: str
) -> None:
    upload = encode_with_pyav(source, tone(2), tmp_path)
    path = client.predict(handle_file(str(upload)), api_name=f"/to_{fmt}")
    assert Path(path).suffix == f".{fmt}"
    codec, rate, samples = decode_with_pyav(Path(path).read_bytes())
    assert (codec, rate) == WRITTEN[fmt]
    assert abs(len(samples) / rate - 0.5) < 0.1
    assert dominant_frequency(rate, samples) == pytest.approx(PITCH, abs=5)
