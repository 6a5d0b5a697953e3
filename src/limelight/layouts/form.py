"""Form: the invisible box Interface puts around a run of form components."""

from __future__ import annotations

from typing import Any

from typing_extensions import Unpack

from limelight.core.block import BlockContext, BlockOptions

__all__ = ["Form"]


class Form(BlockContext):
    """Groups consecutive form components so they share one panel."""

    TYPE = "form"

    def __init__(self, *, scale: int = 0, min_width: int = 0, **options: Unpack[BlockOptions]):
        self.scale = scale
        self.min_width = min_width
        super().__init__(**options)

    def props(self) -> dict[str, Any]:
        return {**super().props(), "scale": self.scale, "min_width": self.min_width}
