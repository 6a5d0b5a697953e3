"""Audio reads any common container and codec and writes the ``format`` asked for, through
PyAV alone: no ``ffmpeg`` program is on PATH while these run."""

from __future__ import annotations

import io
import shutil
from pathlib import Path
from typing import Any

import pytest

import limelight as gr
from limelight.components.base import PayloadError

np = pytest.importorskip("numpy")
av = pytest.importorskip("av")

RATE = 44100
PITCH = 440.0

# name -> (muxer, encoder, sample format fed to it, suffix, rate the decoder reports)
INPUTS: dict[str, tuple[str, str, str, str, int]] = {
    "wav16": ("wav", "pcm_s16le", "s16", "wav", RATE),
    "wav24": ("wav", "pcm_s24le", "s32", "wav", RATE),
    "wav32": ("wav", "pcm_s32le", "s32", "wav", RATE),
    "wavfloat": ("wav", "pcm_f32le", "flt", "wav", RATE),
    "mp3": ("mp3", "libmp3lame", "s16p", "mp3", RATE),
    "ogg": ("ogg", "vorbis", "fltp", "ogg", RATE),
    "opus": ("ogg", "libopus", "s16", "opus", 48000),
    "flac": ("flac", "flac", "s16", "flac", RATE),
    "m4a": ("mp4", "aac", "fltp", "m4a", RATE),
    "webm": ("webm", "libopus", "s16", "webm", 48000),
}


@pytest.fixture(autouse=True)
def no_ffmpeg_program(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    assert shutil.which("ffmpeg") is None


def tone(channels: int = 1, seconds: float = 0.5) -> Any:
    """A 440 Hz sine at 0.4 of full scale, int16, in the shape Audio passes."""
    t = np.arange(int(RATE * seconds)) / RATE
    mono = (0.4 * 32767 * np.sin(2 * np.pi * PITCH * t)).astype(np.int16)
    return mono if channels == 1 else np.stack([mono] * channels, axis=1)


def encode_with_pyav(kind: str, samples: Any, folder: Path) -> Path:
    """``samples`` written as ``kind`` by PyAV directly (independently of limelight)."""
    muxer, codec, sample_format, suffix, _ = INPUTS[kind]
    channels = 1 if samples.ndim == 1 else samples.shape[1]
    layout = "mono" if channels == 1 else "stereo"
    frame = av.AudioFrame.from_ndarray(samples.reshape(1, -1), format="s16", layout=layout)
    frame.sample_rate = RATE
    path = folder / f"tone-{kind}.{suffix}"
    with av.open(str(path), "w", format=muxer) as container:
        rate = 48000 if codec == "libopus" else RATE
        # FFmpeg's own Vorbis encoder (the wheel has no libvorbis) is marked experimental.
        stream = container.add_stream(codec, rate=rate, options={"strict": "experimental"})
        stream.layout = layout
        stream.format = sample_format
        for packet in [*stream.encode(frame), *stream.encode(None)]:
            container.mux(packet)
    return path


def dominant_frequency(rate: int, samples: Any) -> float:
    mono = samples if samples.ndim == 1 else samples[:, 0]
    spectrum = np.abs(np.fft.rfft(mono.astype(np.float64)))
    return float(np.fft.rfftfreq(len(mono), 1 / rate)[int(np.argmax(spectrum))])


def decode_with_pyav(data: bytes) -> tuple[str, int, Any]:
    """The codec name, rate and int16 samples of an encoded file (independently of limelight)."""
    with av.open(io.BytesIO(data)) as container:
        stream = container.streams.audio[0]
        resampler = av.AudioResampler(format="s16", layout="mono")
        chunks = [
            out.to_ndarray().reshape(-1)
            for frame in container.decode(stream)
            for out in resampler.resample(frame)
        ]
        codec = stream.codec_context.codec.canonical_name
        return codec, stream.codec_context.sample_rate, np.concatenate(chunks)


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
    for kind in ("wav16", "wav24", "wav32", "flac"):
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
