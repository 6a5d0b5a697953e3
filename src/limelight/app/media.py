"""Sample media for demos: ``get_image("cheetah.jpg")`` gives the path of a small sample file.

Gradio's demos take their sample pictures, sounds and videos from files shipped inside Gradio.
limelight ships none: a name is looked up in ``LIMELIGHT_MEDIA_DIR`` (or ``GRADIO_MEDIA_DIR``),
a folder of real files laid out like ``MEDIA_PATHS``, and otherwise a small stand-in of the same
kind is made on first use (a picture, a tone, a subtitle or CSV file, a 3D model) under
``MEDIA_ROOT``, in the temp folder. A video stand-in is a two-second colour sweep encoded with
PyAV (the ``media`` extra); without PyAV it holds only an MP4 header (browsers show it as a
video that does not play) unless the media folder has the real file.
"""

from __future__ import annotations

import io
import math
import os
import random
import struct
import wave
import zlib
from pathlib import Path

from limelight.components import video_codec
from limelight.components.imaging import FORMATS, require
from limelight.files.access import set_static_paths
from limelight.files.store import default_cache_dir

__all__ = [
    "MEDIA_PATHS",
    "MEDIA_ROOT",
    "get_audio",
    "get_file",
    "get_image",
    "get_model3d",
    "get_video",
]

KINDS = ("images", "videos", "audio", "models3d", "data")
MEDIA_ROOT = default_cache_dir() / "media"
"""Where stand-ins are made (nothing is written until one is asked for)."""
MEDIA_PATHS = [MEDIA_ROOT / kind for kind in KINDS]
"""One folder per kind of media, for ``launch(allowed_paths=MEDIA_PATHS)``."""

_DEFAULT_NAMES = {
    "images": ("cheetah.jpg", "lion.jpg", "logo.png", "tower.jpg"),
    "videos": ("world.mp4", "a.mp4", "b.mp4"),
    "audio": ("cantina.wav", "sax.wav", "recording1.wav"),
    "models3d": ("Bunny.obj", "face.obj"),
    "data": ("time.csv", "titanic.csv", "sample.txt"),
}
_SAMPLE_TEXT = {
    ".srt": "1\n00:00:00,000 --> 00:00:02,000\nHello\n\n2\n00:00:02,000 --> 00:00:04,000\nWorld\n",
    ".vtt": "WEBVTT\n\n00:00.000 --> 00:02.000\nHello\n\n00:02.000 --> 00:04.000\nWorld\n",
    ".json": '[{"start": 0.0, "end": 2.0, "text": "Hello"}, {"start": 2.0, "end": 4.0, '
    '"text": "World"}]\n',
    ".csv": "time,value,category\n2024-01-01,1.5,a\n2024-01-02,2.5,b\n2024-01-03,2.0,a\n",
    ".txt": "A sample text file.\n",
    ".obj": "v 0 0 0\nv 1 0 0\nv 0 1 0\nv 0 0 1\nf 1 3 2\nf 1 2 4\nf 1 4 3\nf 2 3 4\n",
}


def get_image(filename: str | None = None) -> str:
    """The path of a sample picture (a random one without ``filename``)."""
    return _get("images", filename)


def get_video(filename: str | None = None) -> str:
    """The path of a sample video (a random one without ``filename``)."""
    return _get("videos", filename)


def get_audio(filename: str | None = None) -> str:
    """The path of a sample sound (a random one without ``filename``)."""
    return _get("audio", filename)


def get_model3d(filename: str | None = None) -> str:
    """The path of a sample 3D model (a random one without ``filename``)."""
    return _get("models3d", filename)


def get_file(filename: str | None = None) -> str:
    """The path of a sample data file (a random one without ``filename``)."""
    return _get("data", filename)


def _get(kind: str, filename: str | None) -> str:
    name = Path(filename or random.choice(_DEFAULT_NAMES[kind])).name
    configured = os.environ.get("LIMELIGHT_MEDIA_DIR") or os.environ.get("GRADIO_MEDIA_DIR")
    if configured and (Path(configured) / kind / name).is_file():
        return _offered(Path(configured) / kind / name)
    path = MEDIA_ROOT / kind / name
    if not path.is_file() or path.stat().st_size == 0:  # made by an older limelight: remake
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f".{name}.{os.getpid()}.part")
        partial.write_bytes(_stand_in(kind, name))
        partial.replace(path)
    return _offered(path)


def _offered(path: Path) -> str:
    """``path``, which any app may now hand out and serve: a sample is there to be shown
    (docs/security.md #7 lets a function return only files it wrote or allowed ones)."""
    set_static_paths(path)
    return str(path)


def _stand_in(kind: str, name: str) -> bytes:
    seed = zlib.crc32(name.encode())
    suffix = Path(name).suffix.lower()
    if kind == "images":
        return _picture(seed, suffix)
    if kind == "audio":
        return _tone(seed)
    if kind == "videos":
        if suffix == ".mp4" and video_codec.available() and video_codec.preferred_format() == "mp4":
            return video_codec.sample_clip(seed)
        # an empty file would answer range requests with 416, which browsers log as errors
        return struct.pack(">I", 24) + b"ftypisom" + struct.pack(">I", 0x200) + b"isomiso2"
    return _SAMPLE_TEXT.get(suffix, "").encode()


def _picture(seed: int, suffix: str) -> bytes:
    """A 256x192 gradient with a disc, in the format the suffix names."""
    width, height = 256, 192
    red, green, blue = seed & 0xFF, (seed >> 8) & 0xFF, (seed >> 16) & 0xFF
    rows = []
    for y in range(height):
        row = bytearray(b"\x00")
        for x in range(width):
            inside = (x - 128) ** 2 + (y - 96) ** 2 < 60**2
            shade = (x + y) * 255 // (width + height)
            row += bytes((255 - red, 255 - green, 255 - blue) if inside else (red, shade, blue))
        rows.append(bytes(row))
    png = _png(width, height, b"".join(rows))
    if suffix == ".png":
        return png
    return _converted(png, suffix)


def _png(width: int, height: int, raw: bytes) -> bytes:
    def chunk(tag: bytes, data: bytes) -> bytes:
        body = tag + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    pixels = chunk(b"IDAT", zlib.compress(raw))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + pixels + chunk(b"IEND", b"")


def _converted(png: bytes, suffix: str) -> bytes:
    """The picture in another format (needs Pillow); unknown formats stay PNG."""
    pil_image = require("PIL.Image")
    out = io.BytesIO()
    pil_image.open(io.BytesIO(png)).save(out, format=FORMATS.get(suffix.lstrip("."), "PNG"))
    return out.getvalue()


def _tone(seed: int) -> bytes:
    """Two seconds of a sine tone (16 kHz, mono, 16-bit WAV)."""
    rate, frequency = 16000, 220 + seed % 440
    samples = (int(8000 * math.sin(2 * math.pi * frequency * i / rate)) for i in range(2 * rate))
    out = io.BytesIO()
    with wave.open(out, "wb") as sound:
        sound.setnchannels(1)
        sound.setsampwidth(2)
        sound.setframerate(rate)
        sound.writeframes(b"".join(struct.pack("<h", s) for s in samples))
    return out.getvalue()
