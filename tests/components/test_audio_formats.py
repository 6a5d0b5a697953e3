"""Audio reads any common container and codec and writes the ``format`` asked for, through
PyAV alone: no ``ffmpeg`` program is on PATH while these run."""

from __future__ import annotations

from pathlib import Path

import pytest

import limelight as gr
from limelight.components.base import PayloadError
from tests.media_support import (
    INPUTS,
    PITCH,
    RATE,
    decode_with_pyav,
    dominant_frequency,
    encode_with_pyav,
    tone,
)

np = pytest.importorskip("numpy")
av = pytest.importorskip("av")
pytestmark = pytest.mark.usefixtures("no_ffmpeg")


@pytest.mark.parametrize("kind", INPUTS)
@pytest.mark.parametrize("channels", [1, 2])
def test_every_common_format_is_read_as_int16_samples(
    kind: str, channels: int, tmp_path: Path
) -> None:
    if kind == "ogg" and channels == 1:
        pytest.skip("PyAV's Vorbis encoder writes stereo only")
    path = encode_with_pyav(kind, tone(channels), tmp_path)
    rate, samples = gr.Audio().preprocess({"path": str(path)})
    assert rate == INPUTS[kind][4]
    assert samples.dtype == np.int16
    assert samples.ndim == (1 if channels == 1 else 2)
    if channels == 2:
        assert samples.shape[1] == 2
    # Lossy encoders pad the start and end; the length stays within a tenth of a second.
    assert abs(len(samples) / rate - 0.5) < 0.1
    assert dominant_frequency(rate, samples) == pytest.approx(PITCH, abs=5)
    assert 0.3 * 32767 < np.abs(samples).max() < 0.5 * 32767


def test_lossless_formats_give_back_the_samples_exactly(tmp_path: Path) -> None:
    samples = tone(2)
    for kind in ("wav16", "wav24", "wav32", "wavfloat", "wavdouble", "flac"):
        _, back = gr.Audio().preprocess({"path": str(encode_with_pyav(kind, samples, tmp_path))})
        assert np.array_equal(back, samples), kind


@pytest.mark.parametrize(
    ("fmt", "codec", "rate"),
    [
        ("wav", "pcm_s16le", RATE),
        ("mp3", "mp3", RATE),
        ("ogg", "opus", 48000),
        ("flac", "flac", RATE),
    ],
)
@pytest.mark.parametrize("channels", [1, 2])
def test_samples_are_written_in_the_format_asked_for(
    fmt: str, codec: str, rate: int, channels: int
) -> None:
    out = gr.Audio(format=fmt).postprocess((RATE, tone(channels)))
    assert out["orig_name"] == f"audio.{fmt}"
    decoded_codec, decoded_rate, samples = decode_with_pyav(Path(out["path"]).read_bytes())
    assert decoded_codec == codec and decoded_rate == rate
    assert dominant_frequency(rate, samples) == pytest.approx(PITCH, abs=5)
    # And limelight reads its own output back, in the shape it was written.
    back_rate, back = gr.Audio().preprocess(out)
    assert back_rate == rate and abs(back.shape[0] / rate - 0.5) < 0.1
    assert back.ndim == (1 if channels == 1 else 2)


@pytest.mark.parametrize("fmt", ["mp3", "ogg", "flac"])
def test_a_written_file_holds_exactly_the_samples_given(fmt: str) -> None:
    # Streamed chunks play back to back: any priming or padding a decoder keeps is a gap.
    # (Ogg Opus once claimed its pre-skip again as trailing sound.)
    samples = tone(1)[: 48000 // 2]
    out = gr.Audio(format=fmt).postprocess((48000, samples))
    rate, back = gr.Audio().preprocess(out)
    assert rate == 48000 and back.shape[0] == samples.shape[0]


def test_mp3_takes_a_rate_it_supports() -> None:
    out = gr.Audio(format="mp3").postprocess((96000, np.zeros(9600, dtype=np.int16)))
    codec, rate, _ = decode_with_pyav(Path(out["path"]).read_bytes())
    assert codec == "mp3" and rate == 48000


def test_a_returned_file_of_another_type_is_converted(tmp_path: Path) -> None:
    source = encode_with_pyav("ogg", tone(2), tmp_path)
    out = gr.Audio(format="mp3").postprocess(str(source))
    assert out["orig_name"] == "tone-ogg.mp3"
    assert decode_with_pyav(Path(out["path"]).read_bytes())[0] == "mp3"
    kept = gr.Audio().postprocess(str(source))
    assert Path(kept["path"]).read_bytes() == source.read_bytes()


def test_a_filepath_input_is_converted_to_format(tmp_path: Path) -> None:
    source = encode_with_pyav("mp3", tone(), tmp_path)
    converted = gr.Audio(type="filepath", format="flac").preprocess({"path": str(source)})
    assert converted.endswith("tone-mp3.flac")
    assert decode_with_pyav(Path(converted).read_bytes())[0] == "flac"
    same = gr.Audio(type="filepath", format="mp3").preprocess({"path": str(source)})
    assert same == str(source)


def test_an_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError, match="format must be one of"):
        gr.Audio(format="aiff")
    assert gr.Audio(format="MP3").format == "mp3"


def test_a_file_without_audio_is_a_payload_error(tmp_path: Path) -> None:
    text = tmp_path / "notes.ogg"
    text.write_text("not audio at all")
    with pytest.raises(PayloadError, match=r"Cannot read notes\.ogg as audio"):
        gr.Audio().preprocess({"path": str(text)})
