"""Media for the tests, made here: tones encoded by PyAV in every audio format Audio reads,
decoded back independently of limelight, and a PATH without the ``ffmpeg`` program (the
``no_ffmpeg`` fixture), since limelight must need only PyAV's own libraries."""

from __future__ import annotations

import io
import os
import shutil
from pathlib import Path
from typing import Any

import pytest

__all__ = [
    "FFMPEG_PROGRAMS",
    "INPUTS",
    "PITCH",
    "RATE",
    "assert_no_ffmpeg",
    "decode_with_pyav",
    "dominant_frequency",
    "encode_with_pyav",
    "path_without_ffmpeg",
    "tone",
]

FFMPEG_PROGRAMS = ("ffmpeg", "ffprobe")
RATE = 44100
PITCH = 440.0

# name -> (muxer, encoder, sample format fed to it, suffix, rate the decoder reports)
INPUTS: dict[str, tuple[str, str, str, str, int]] = {
    "wav8": ("wav", "pcm_u8", "u8", "wav", RATE),
    "wav16": ("wav", "pcm_s16le", "s16", "wav", RATE),
    "wav24": ("wav", "pcm_s24le", "s32", "wav", RATE),
    "wav32": ("wav", "pcm_s32le", "s32", "wav", RATE),
    "wavfloat": ("wav", "pcm_f32le", "flt", "wav", RATE),
    "wavdouble": ("wav", "pcm_f64le", "dbl", "wav", RATE),
    "mp3": ("mp3", "libmp3lame", "s16p", "mp3", RATE),
    "ogg": ("ogg", "vorbis", "fltp", "ogg", RATE),
    "opus": ("ogg", "libopus", "s16", "opus", 48000),
    "flac": ("flac", "flac", "s16", "flac", RATE),
    "m4a": ("mp4", "aac", "fltp", "m4a", RATE),
    "webm": ("webm", "libopus", "s16", "webm", 48000),
}


def path_without_ffmpeg(path: str, shadows: Path) -> str:
    """``path`` with no FFmpeg program on it: a directory holding one is replaced by a copy
    of it (symlinks, under ``shadows``) that lacks the programs, so everything else on it
    stays reachable (chromium's launcher script needs ``/usr/bin``)."""
    folders = []
    for folder in path.split(os.pathsep):
        if not any(os.path.exists(os.path.join(folder, p)) for p in FFMPEG_PROGRAMS):
            folders.append(folder)
            continue
        shadow = shadows / f"bin{len(folders)}"
        shadow.mkdir(parents=True)
        for entry in os.scandir(folder):
            if os.path.splitext(entry.name)[0] not in FFMPEG_PROGRAMS:
                (shadow / entry.name).symlink_to(entry.path)
        folders.append(str(shadow))
    return os.pathsep.join(folders)


def tone(channels: int = 1, seconds: float = 0.5) -> Any:
    """A 440 Hz sine at 0.4 of full scale, int16, in the shape Audio passes."""
    np = pytest.importorskip("numpy")
    t = np.arange(int(RATE * seconds)) / RATE
    mono = (0.4 * 32767 * np.sin(2 * np.pi * PITCH * t)).astype(np.int16)
    return mono if channels == 1 else np.stack([mono] * channels, axis=1)


def encode_with_pyav(kind: str, samples: Any, folder: Path) -> Path:
    """``samples`` written as ``kind`` (a key of ``INPUTS``) by PyAV directly, independently
    of limelight."""
    av = pytest.importorskip("av")
    muxer, codec, sample_format, suffix, _ = INPUTS[kind]
    channels = 1 if samples.ndim == 1 else samples.shape[1]
    layout = "mono" if channels == 1 else "stereo"
    frame = av.AudioFrame.from_ndarray(samples.reshape(1, -1), format="s16", layout=layout)
    frame.sample_rate = RATE
    # Without a start time FFmpeg's Vorbis encoder writes Ogg pages whose granule positions
    # give a wrong duration (chromium then reports 0.07 s for the half second).
    frame.pts = 0
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
    """The frequency (Hz) of the strongest component of the first channel."""
    np = pytest.importorskip("numpy")
    mono = samples if samples.ndim == 1 else samples[:, 0]
    spectrum = np.abs(np.fft.rfft(mono.astype(np.float64)))
    return float(np.fft.rfftfreq(len(mono), 1 / rate)[int(np.argmax(spectrum))])


def decode_with_pyav(data: bytes) -> tuple[str, int, Any]:
    """The codec name, rate and int16 mono samples of an encoded file (independently of
    limelight)."""
    av = pytest.importorskip("av")
    np = pytest.importorskip("numpy")
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


def assert_no_ffmpeg() -> None:
    """Fails when an FFmpeg program is reachable on PATH."""
    found = {p: shutil.which(p) for p in FFMPEG_PROGRAMS}
    assert not any(found.values()), found
