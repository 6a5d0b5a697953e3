"""Group: children drawn as one box, without gaps between them."""

from __future__ import annotations

from typing_extensions import Unpack

from limelight.core.block import BlockContext, BlockOptions

__all__ = ["Group"]


class Group(BlockContext):
    """Draws the blocks created inside it together, with no padding or gap between them."""

    TYPE = "group"

    def __init__(self, **options: Unpack[BlockOptions]) -> None:
        super().__init__(**options)
