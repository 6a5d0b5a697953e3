"""Draggable: children the user can reorder by dragging them."""

from __future__ import annotations

from typing import Any, Literal

from typing_extensions import Unpack

from limelight.core.block import BlockContext, BlockOptions

__all__ = ["Draggable"]


class Draggable(BlockContext):
    """Places the blocks created inside it in a row or a column (``orientation``); the user
    can drag each one to another place (or move it with Alt+arrow keys). The new order is
    the page's alone: it sends no event and no value."""

    TYPE = "draggable"

    def __init__(
        self,
        *,
        orientation: Literal["row", "column"] = "column",
        **options: Unpack[BlockOptions],
    ) -> None:
        if orientation not in ("row", "column"):
            raise ValueError(f"orientation must be 'row' or 'column', not {orientation!r}")
        self.orientation = orientation
        super().__init__(**options)

    def props(self) -> dict[str, Any]:
        return {**super().props(), "orientation": self.orientation}
