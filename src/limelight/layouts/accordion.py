"""Accordion: a titled section that opens and closes."""

from __future__ import annotations

from typing import Any

from typing_extensions import Unpack

from limelight.core.block import BlockContext, BlockOptions
from limelight.core.events import EventListener

__all__ = ["Accordion"]


class Accordion(BlockContext):
    """A collapsible section titled ``label``; ``open`` says whether it starts open."""

    TYPE = "accordion"
    expand = EventListener("expand", "The accordion was opened.")
    collapse = EventListener("collapse", "The accordion was closed.")

    def __init__(
        self,
        label: str | None = None,
        *,
        open: bool = True,
        height: int | str | None = None,
        max_height: int | str | None = None,
        **options: Unpack[BlockOptions],
    ) -> None:
        self.label = label
        self.open = open
        self.height = height
        self.max_height = max_height
        super().__init__(**options)

    def props(self) -> dict[str, Any]:
        return {
            **super().props(),
            "label": self.label,
            "open": self.open,
            "height": self.height,
            "max_height": self.max_height,
        }
