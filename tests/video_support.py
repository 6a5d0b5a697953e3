"""Small test videos encoded with PyAV from numpy frames (skips the test without them)."""

from __future__ import annotations

from pathlib import Path

import pytest

__all__ = ["CLIPS", "clip", "encode"]

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


# file name -> (video encoder, sound encoder, whether browsers play it as it is): the uploads
# gr.Video leaves alone and those it transcodes to H.264/AAC MP4.
CLIPS: dict[str, tuple[str, str, bool]] = {
    "h264-aac.mp4": ("h264", "aac", True),
    "vp9-opus.webm": ("libvpx-vp9", "libopus", True),
    "av1-mp3.mp4": ("libsvtav1", "libmp3lame", True),
    "mpeg4-mp3.avi": ("mpeg4", "libmp3lame", False),
    "h264-opus.mkv": ("h264", "libopus", False),
    "mpeg4-aac.mp4": ("mpeg4", "aac", False),
    "h264-aac.mov": ("h264", "aac", False),
    "hevc-aac.mp4": ("libx265", "aac", False),
}


def clip(folder: Path, name: str, frames: int = 12) -> Path:
    """The clip ``name`` of ``CLIPS``, encoded in ``folder``."""
    video, sound, _ = CLIPS[name]
    return encode(folder / name, video, frames=frames, sound=sound)
