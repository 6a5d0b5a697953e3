"""WatermarkOptions: the picture Gradio stamps on an Image or Video output, and where."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

__all__ = ["WatermarkOptions"]


@dataclass
class WatermarkOptions:
    """A watermark: an image (path, PIL image or array) and its corner. Accepted by ``Image``
    and ``Video`` so Gradio apps run; limelight does not draw it yet."""

    watermark: str | Path | Any | None = None
    position: tuple[int, int] | Literal["top-left", "top-right", "bottom-left", "bottom-right"] = (
        "bottom-right"
    )
