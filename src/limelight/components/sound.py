"""Audio conversions for Audio: WAV files to ``(sample_rate, numpy array)`` and back.

WAV is read and written with the standard library's ``wave`` module; numpy is optional
(``pip install limelight[media]``) and imported inside the functions that need it. The
browser turns microphone recordings into WAV before uploading them, so the server never
needs a codec library.
"""

from __future__ import annotations

import io
import wave
from pathlib import Path
from typing import Any

from limelight.components.filebase import FilePayloadError
from limelight.components.imaging import require

__all__ = ["encode_wav", "is_sound_value", "read_wav"]

_DTYPES = {1: "u1", 2: "<i2", 4: "<i4"}


def is_sound_value(value: Any) -> bool:
    """Whether ``value`` is a ``(sample_rate, array)`` pair."""
    return (
        isinstance(value, tuple)
        and len(value) == 2
        and isinstance(value[0], int)
        and type(value[1]).__module__.startswith("numpy")
    )


def read_wav(path: Path) -> tuple[int, Any]:
    """``(sample_rate, samples)``: int16 (or the file's integer type), shape ``(n,)`` for
    mono and ``(n, channels)`` otherwise. ``FilePayloadError`` for anything but PCM WAV."""
    np = require("numpy")
    try:
        with wave.open(str(path), "rb") as wav:
            rate, channels, width = wav.getframerate(), wav.getnchannels(), wav.getsampwidth()
            frames = wav.readframes(wav.getnframes())
    except (wave.Error, EOFError, OSError) as exc:
        raise FilePayloadError(f"Cannot read {path.name} as WAV audio: {exc}") from None
    if width not in _DTYPES:
        raise FilePayloadError(f"{path.name}: {8 * width}-bit WAV is not supported")
    samples = np.frombuffer(frames, dtype=_DTYPES[width])
    if width == 1:
        samples = (samples.astype(np.int16) - 128) * 256
    if channels > 1:
        samples = samples.reshape(-1, channels)
    return rate, samples


def encode_wav(rate: int, samples: Any) -> bytes:
    """A 16-bit PCM WAV file of ``samples`` (ints, or floats in [-1, 1])."""
    np = require("numpy")
    array = np.asarray(samples)
    if np.issubdtype(array.dtype, np.floating):
        array = (np.clip(array, -1.0, 1.0) * 32767).astype("<i2")
    elif array.dtype.itemsize > 2:
        array = (array >> (8 * (array.dtype.itemsize - 2))).astype("<i2")
    else:
        array = array.astype("<i2")
    channels = 1 if array.ndim == 1 else int(array.shape[1])
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as wav:
        wav.setnchannels(channels)
        wav.setsampwidth(2)
        wav.setframerate(int(rate))
        wav.writeframes(array.tobytes())
    return buffer.getvalue()
