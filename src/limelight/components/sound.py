"""The fast path of Audio: 8- and 16-bit PCM WAV to ``(sample_rate, numpy array)`` and
samples to 16-bit WAV, with the standard library's ``wave`` module.

The browser turns microphone recordings into WAV before uploading them, so the common case
needs no codec library; other files go to ``components/audio_codecs.py`` (PyAV). numpy is
optional (``pip install limelight[media]``) and imported inside the functions that need it.
"""

from __future__ import annotations

import io
import wave
from pathlib import Path
from typing import Any

from limelight.components.filebase import FilePayloadError
from limelight.components.imaging import require

__all__ = ["encode_wav", "is_sound_value", "read_wav", "to_int16"]

_DTYPES = {1: "u1", 2: "<i2"}


def is_sound_value(value: Any) -> bool:
    """Whether ``value`` is a ``(sample_rate, array)`` pair."""
    return (
        isinstance(value, tuple)
        and len(value) == 2
        and isinstance(value[0], int)
        and type(value[1]).__module__.startswith("numpy")
    )


def read_wav(path: Path) -> tuple[int, Any] | None:
    """``(sample_rate, samples)`` of an 8- or 16-bit PCM WAV file: int16, shape ``(n,)``
    for mono and ``(n, channels)`` otherwise; None for any other file (other bit depths,
    float WAV, compressed formats), which needs a decoder."""
    np = require("numpy")
    try:
        with wave.open(str(path), "rb") as wav:
            rate, channels, width = wav.getframerate(), wav.getnchannels(), wav.getsampwidth()
            if width not in _DTYPES:
                return None
            frames = wav.readframes(wav.getnframes())
    except (wave.Error, EOFError):
        return None
    except OSError as exc:
        raise FilePayloadError(f"Cannot read {path.name}: {exc}") from None
    samples = np.frombuffer(frames, dtype=_DTYPES[width])
    if width == 1:
        samples = (samples.astype(np.int16) - 128) * 256
    if channels > 1:
        samples = samples.reshape(-1, channels)
    return rate, samples


def to_int16(samples: Any) -> Any:
    """``samples`` as int16: floats in [-1, 1] scaled (and clipped), wider ints shifted."""
    np = require("numpy")
    array = np.asarray(samples)
    if np.issubdtype(array.dtype, np.floating):
        return (np.clip(array, -1.0, 1.0) * 32767).astype("<i2")
    if array.dtype.itemsize > 2:
        return (array >> (8 * (array.dtype.itemsize - 2))).astype("<i2")
    return array.astype("<i2")


def encode_wav(rate: int, samples: Any) -> bytes:
    """A 16-bit PCM WAV file of ``samples`` (ints, or floats in [-1, 1])."""
    array = to_int16(samples)
    channels = 1 if array.ndim == 1 else int(array.shape[1])
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as wav:
        wav.setnchannels(channels)
        wav.setsampwidth(2)
        wav.setframerate(int(rate))
        wav.writeframes(array.tobytes())
    return buffer.getvalue()
