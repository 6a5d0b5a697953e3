"""WatermarkOptions: the picture stamped on an Image output, and where."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from limelight.components.base import PayloadError
from limelight.components.imaging import require, to_pil

__all__ = ["WatermarkOptions", "stamped", "watermark_prop"]

Corner = Literal["top-left", "top-right", "bottom-left", "bottom-right"]
PADDING = 10
"""Pixels between a watermark put in a corner and the image's edges."""


@dataclass
class WatermarkOptions:
    """A watermark: an image (path, PIL image or array) and where it goes, a corner or an
    ``(x, y)`` pixel position. ``gr.Image(watermark=...)`` draws it on every image it shows;
    a position that would put it outside the image puts it in the bottom-right corner."""

    watermark: str | Path | Any | None = None
    position: tuple[int, int] | Corner = "bottom-right"


def watermark_prop(options: WatermarkOptions | None) -> dict[str, Any] | None:
    """The watermark as an update sends it (Gradio's shape): its file, or for an image in
    memory (a PIL image or an array, as a PIL image) its text form, which is what Gradio's
    JSON encoding makes of it; and its position. The server draws it; the page does not
    use it."""
    if options is None:
        return None
    mark = options.watermark
    position = options.position
    if mark is not None and not isinstance(mark, (str, Path)):
        mark = to_pil(mark)
    return {
        "watermark": None if mark is None else str(mark),
        "position": position if isinstance(position, str) else list(position),
    }


def stamped(base: Any, options: WatermarkOptions) -> Any:
    """``base`` (an array, a PIL image or a local path) with the watermark drawn on it, as a
    PIL image."""
    image_module = require("PIL.Image")
    picture = _opened(base, image_module).convert("RGBA")
    mark = _opened(options.watermark, image_module).convert("RGBA")
    if mark.width > picture.width or mark.height > picture.height:
        mark.thumbnail(picture.size)
    x, y = _place(options.position, picture.size, mark.size)
    picture.alpha_composite(mark, (x, y))
    return picture


def _opened(value: Any, image_module: Any) -> Any:
    if isinstance(value, (str, Path)):
        try:
            with image_module.open(value) as opened:
                opened.load()
                return opened.copy()
        except OSError as exc:
            raise PayloadError(f"Cannot read {value} as an image: {exc}") from None
    return to_pil(value)


def _place(
    position: tuple[int, int] | str, size: tuple[int, int], mark: tuple[int, int]
) -> tuple[int, int]:
    (width, height), (w, h) = size, mark
    corners = {
        "top-left": (PADDING, PADDING),
        "top-right": (width - w - PADDING, PADDING),
        "bottom-left": (PADDING, height - h - PADDING),
        "bottom-right": (width - w - PADDING, height - h - PADDING),
    }
    if isinstance(position, str):
        if position not in corners:
            raise ValueError(f"A watermark goes in a corner {list(corners)}, not {position!r}")
        x, y = corners[position]
    else:
        x, y = position
    if x < 0 or y < 0 or x + w > width or y + h > height:
        x, y = corners["bottom-right"]
    return max(x, 0), max(y, 0)
