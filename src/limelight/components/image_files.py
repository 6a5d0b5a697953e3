"""Images through the file store, shared by the image components (Image, ImageEditor,
ImageSlider): a payload read as ``type``, a function's image written as ``format``."""

from __future__ import annotations

from typing import Any

from limelight.components.filebase import to_file_data
from limelight.components.imaging import ImageType, encode_image, is_image_value, load_image
from limelight.files.processing import FileContext

__all__ = ["image_in", "image_out"]


def image_in(payload: Any, files: FileContext, kind: ImageType, mode: str | None) -> Any:
    """The uploaded image as ``kind`` (None stays None); ``PayloadError`` if it is not one."""
    if payload is None:
        return None
    path = files.input_path(payload)
    if kind == "filepath":
        load_image(path, "pil", None)  # refuses files that are not images
        return str(path)
    return load_image(path, kind, mode)


def image_out(value: Any, files: FileContext, fmt: str) -> Any:
    """An array or PIL image encoded as ``fmt`` into the store; a path or URL as is."""
    if value is None:
        return None
    if is_image_value(value):
        data, ext = encode_image(value, fmt)
        return files.store_bytes(data, f"image.{ext}")
    return to_file_data(value, files)
