"""Small test videos encoded with PyAV from numpy frames (skips the test without them)."""

from __future__ import annotations

from pathlib import Path

import pytest

av = pytest.importorskip("av")
np = pytest.importorskip("numpy")


def encode(
    path: Path, codec: str, frames: int = 12, rate: int = 12, sound: str | None = None
) -> Path:
    """A small test video: moving colour bars, optionally with a tone."""
    with av.open(str(path), "w") as out:
        video = out.add_stream(codec, rate=rate)
        video.width, video.height, video.pix_fmt = 64, 48, "yuv420p"
        audio = out.add_stream(sound, rate=48000) if sound else None
        for i in range(frames):
            pixels = np.zeros((48, 64, 3), np.uint8)
            pixels[:, (i * 5) % 64 :, 0] = 255
            out.mux(video.encode(av.VideoFrame.from_ndarray(pixels, format="rgb24")))
        if audio is not None:
            tone = (np.sin(np.arange(48000) / 10) * 0.2).astype(np.float32).reshape(1, -1)
            frame = av.AudioFrame.from_ndarray(tone, format="flt", layout="mono")
            frame.sample_rate = 48000
            out.mux(audio.encode(frame))
            out.mux(audio.encode(None))
        out.mux(video.encode(None))
    return path
