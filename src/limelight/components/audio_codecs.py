"""Compressed audio for Audio: any container and codec to ``(sample_rate, int16 array)``
and samples to mp3, ogg (Opus) or flac, through PyAV.

PyAV (``pip install limelight[media]``) bundles FFmpeg's libraries in its wheel, so no
``ffmpeg`` program is needed. It is imported inside these functions only; 8- and 16-bit PCM
WAV never reaches it (``components/sound.py`` reads and writes that with ``wave``).
"""

from __future__ import annotations

import io
from fractions import Fraction
from pathlib import Path
from typing import Any

from limelight.components.filebase import FilePayloadError
from limelight.components.imaging import require
from limelight.components.sound import encode_wav, read_wav, to_int16

__all__ = ["FORMATS", "convert_audio", "decode_audio", "encode_audio", "read_audio"]

FORMATS = ("wav", "mp3", "ogg", "flac")
"""The ``format`` values Audio writes: PyAV's muxer and encoder for each but WAV."""

# PyAV's wheel has no libvorbis (its own Vorbis encoder is experimental and stereo-only), so
# ogg holds Opus, which browsers play in Ogg; Opus runs at 48 kHz.
_ENCODERS = {"mp3": ("mp3", "libmp3lame"), "ogg": ("ogg", "libopus"), "flac": ("flac", "flac")}
# FFmpeg's usual layout for each channel count (the encoders need a named one).
_LAYOUTS = {1: "mono", 2: "stereo", 3: "2.1", 4: "quad", 5: "5.0", 6: "5.1", 7: "6.1", 8: "7.1"}


def read_audio(path: Path) -> tuple[int, Any]:
    """``(sample_rate, int16 samples)`` of any audio file: 8- and 16-bit PCM WAV through
    ``wave`` (no decoder needed), everything else through PyAV."""
    return read_wav(path) or decode_audio(path)


def convert_audio(path: Path, format: str) -> bytes:
    """The sound in ``path`` as a file of ``format``."""
    return encode_audio(*read_audio(path), format)


def decode_audio(path: Path) -> tuple[int, Any]:
    """The first audio stream of ``path`` as ``(sample_rate, samples)``: int16, shape
    ``(n,)`` for mono and ``(n, channels)`` otherwise. ``FilePayloadError`` when the file
    holds no audio PyAV can decode."""
    av = require("av")
    np = require("numpy")
    chunks: list[Any] = []
    try:
        with av.open(str(path)) as container:
            if not container.streams.audio:
                raise FilePayloadError(f"{path.name} holds no audio")
            stream = container.streams.audio[0]
            rate, channels = stream.codec_context.sample_rate, stream.codec_context.channels
            # Packed 16-bit at the file's own rate and layout: only the sample type changes.
            resampler = av.AudioResampler(format="s16")
            for frame in container.decode(stream):
                chunks.extend(out.to_ndarray() for out in resampler.resample(frame))
                rate, channels = frame.sample_rate, frame.layout.nb_channels
            chunks.extend(out.to_ndarray() for out in resampler.resample(None))
    except av.FFmpegError as exc:
        raise FilePayloadError(f"Cannot read {path.name} as audio: {exc}") from None
    samples = np.concatenate([c.reshape(-1) for c in chunks]) if chunks else np.zeros(0)
    samples = samples.astype(np.int16, copy=False)
    return int(rate), samples.reshape(-1, channels) if channels > 1 else samples


def encode_audio(rate: int, samples: Any, format: str) -> bytes:
    """A file of ``format`` (one of ``FORMATS``) holding ``samples`` (ints, or floats in
    [-1, 1]; shape ``(n,)`` or ``(n, channels)``) at ``rate`` Hz."""
    if format == "wav":
        return encode_wav(rate, samples)
    if format not in _ENCODERS:
        raise ValueError(f"Cannot write audio as {format!r}; choose one of {FORMATS}")
    av = require("av")
    array = to_int16(samples)
    channels = 1 if array.ndim == 1 else int(array.shape[1])
    if channels not in _LAYOUTS:
        raise ValueError(f"Cannot write {channels} channels of audio; at most 8")
    layout = _LAYOUTS[channels]
    frame = av.AudioFrame.from_ndarray(array.reshape(1, -1), format="s16", layout=layout)
    frame.sample_rate = int(rate)
    # Timestamps let the encoder date its priming samples before zero; without them the Ogg
    # muxer counts the Opus pre-skip twice and the file claims that much trailing silence
    # (heard as a gap between streamed chunks).
    frame.pts = 0
    frame.time_base = Fraction(1, int(rate))
    muxer, codec = _ENCODERS[format]
    buffer = io.BytesIO()
    with av.open(buffer, "w", format=muxer) as container:
        stream = container.add_stream(codec, rate=_encoder_rate(av, codec, int(rate)))
        stream.layout = layout
        # The stream resamples each frame to the encoder's sample type, rate and frame size.
        for packet in stream.encode(frame):
            container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)
    return buffer.getvalue()


def _encoder_rate(av: Any, codec: str, rate: int) -> int:
    """``rate`` if the encoder takes it, else the nearest rate above it that it takes (MP3
    has a fixed set), so the sound is resampled rather than refused."""
    rates = av.Codec(codec, "w").audio_rates
    if not rates or rate in rates:
        return rate
    higher = [r for r in rates if r >= rate]
    return int(min(higher) if higher else max(rates))
