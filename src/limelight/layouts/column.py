"""Column: children stacked vertically; in a Row it takes width by ``scale``."""

from __future__ import annotations

from typing import Any, Literal

from typing_extensions import Unpack

from limelight.core.block import BlockContext, BlockOptions

__all__ = ["Column"]


class Column(BlockContext):
    """Stacks the blocks created inside it. ``scale`` and ``min_width`` size it in a Row."""

    TYPE = "column"

    def __init__(
        self,
        scale: int = 1,
        min_width: int = 320,
        *,
        variant: Literal["default", "panel", "compact"] = "default",
        show_progress: bool = False,
        **options: Unpack[BlockOptions],
    ) -> None:
        self.scale = scale
        self.min_width = min_width
        self.variant = variant
        self.show_progress = show_progress
        super().__init__(**options)

    def props(self) -> dict[str, Any]:
        return {
            **super().props(),
            "scale": self.scale,
            "min_width": self.min_width,
            "variant": self.variant,
            "show_progress": self.show_progress,
        }
