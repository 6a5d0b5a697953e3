"""Row: children side by side, sharing the width by their ``scale``."""

from __future__ import annotations

from typing import Any, Literal

from typing_extensions import Unpack

from limelight.core.block import BlockContext, BlockOptions

__all__ = ["Row"]


class Row(BlockContext):
    """Places the blocks created inside it side by side; they wrap on narrow screens."""

    TYPE = "row"

    def __init__(
        self,
        *,
        variant: Literal["default", "panel", "compact"] = "default",
        equal_height: bool = False,
        height: int | str | None = None,
        max_height: int | str | None = None,
        min_height: int | str | None = None,
        scale: int | None = None,
        show_progress: bool = False,
        **options: Unpack[BlockOptions],
    ) -> None:
        self.variant = variant
        self.equal_height = equal_height
        self.height = height
        self.max_height = max_height
        self.min_height = min_height
        self.scale = scale
        self.show_progress = show_progress
        super().__init__(**options)

    def props(self) -> dict[str, Any]:
        return {
            **super().props(),
            "variant": self.variant,
            "equal_height": self.equal_height,
            "height": self.height,
            "max_height": self.max_height,
            "min_height": self.min_height,
            "scale": self.scale,
            "show_progress": self.show_progress,
        }
