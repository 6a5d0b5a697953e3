"""Image conversions for Image and Gallery: files to numpy / PIL values and back.

numpy and PIL are optional (``pip install limelight[media]``); they are imported here,
inside the functions that need them, so ``import limelight`` never loads them.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any, Literal

from limelight.components.filebase import FilePayloadError

__all__ = ["ImageType", "encode_image", "is_image_value", "load_image", "require", "to_pil"]

ImageType = Literal["numpy", "pil", "filepath"]
EXTRA = "limelight[media]"
FORMATS = {"webp": "WEBP", "png": "PNG", "jpeg": "JPEG", "jpg": "JPEG", "gif": "GIF", "bmp": "BMP"}


def require(module: str) -> Any:
    """Import an optional library, or fail with the extra to install."""
    try:
        return __import__(module, fromlist=["_"])  # lazy: heavy optional dependency
    except ImportError:
        raise ImportError(
            f"This component needs {module.split('.')[0]}: pip install '{EXTRA}'"
        ) from None


def is_image_value(value: Any) -> bool:
    """Whether ``value`` is an in-memory image (a numpy array or a PIL image)."""
    kind = type(value).__module__
    return kind.startswith("numpy") or kind.startswith("PIL")


def load_image(path: Path, kind: ImageType, mode: str | None) -> Any:
    """The image at ``path`` as ``kind``; ``PayloadError`` if it is not an image."""
    if kind == "filepath":
        return str(path)
    image_module = require("PIL.Image")
    try:
        with image_module.open(path) as opened:
            opened.load()
            image = opened.convert(mode) if mode and opened.mode != mode else opened.copy()
    except (OSError, ValueError, image_module.DecompressionBombError) as exc:
        raise FilePayloadError(f"Cannot read {path.name} as an image: {exc}") from None
    if kind == "pil":
        return image
    return require("numpy").asarray(image)


def to_pil(value: Any) -> Any:
    """A numpy array (any dtype, scaled into 0..255) or a PIL image, as a PIL image."""
    image_module = require("PIL.Image")
    if isinstance(value, image_module.Image):
        return value
    np = require("numpy")
    array = np.asarray(value)
    if array.dtype != np.uint8:
        array = _to_uint8(np, array)
    return image_module.fromarray(array)


def encode_image(value: Any, fmt: str) -> tuple[bytes, str]:
    """A numpy array or PIL image encoded as ``fmt``; returns ``(bytes, file extension)``."""
    value = to_pil(value)
    ext = fmt.lower().lstrip(".")
    pil_format = FORMATS.get(ext)
    if pil_format is None:
        raise ValueError(f"Unknown image format {fmt!r}; use one of {', '.join(FORMATS)}")
    if pil_format == "JPEG" and value.mode not in ("RGB", "L"):
        value = value.convert("RGB")
    buffer = io.BytesIO()
    value.save(buffer, format=pil_format)
    return buffer.getvalue(), "jpg" if ext == "jpeg" else ext


def _to_uint8(np: Any, array: Any) -> Any:
    """Floats in [0, 1] (or other ranges) and wider integers scaled into 0..255."""
    if array.dtype == bool:
        return array.astype(np.uint8) * 255
    low, high = float(array.min(initial=0)), float(array.max(initial=0))
    if np.issubdtype(array.dtype, np.floating) and low >= 0 and high <= 1:
        return (array * 255).round().astype(np.uint8)
    if low >= 0 and high <= 255:
        return array.astype(np.uint8)
    span = (high - low) or 1.0
    return ((array - low) / span * 255).round().astype(np.uint8)
