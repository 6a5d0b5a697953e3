"""Sidebar: a panel at the side of the page that the user can open and close."""

from __future__ import annotations

from typing import Any, Literal

from typing_extensions import Unpack

from limelight.core.block import BlockContext, BlockOptions
from limelight.core.events import EventListener

__all__ = ["Sidebar"]


class Sidebar(BlockContext):
    """A collapsible side panel of ``width`` pixels on the ``position`` side. On a phone it
    slides over the page. ``open`` says whether it starts open."""

    TYPE = "sidebar"
    expand = EventListener("expand", "The sidebar was opened.")
    collapse = EventListener("collapse", "The sidebar was closed.")

    def __init__(
        self,
        label: str | None = None,
        *,
        open: bool = True,
        position: Literal["left", "right"] = "left",
        width: int | str = 320,
        **options: Unpack[BlockOptions],
    ) -> None:
        if position not in ("left", "right"):
            raise ValueError(f"position must be 'left' or 'right', not {position!r}")
        self.label = label
        self.open = open
        self.position = position
        self.width = width
        super().__init__(**options)

    def props(self) -> dict[str, Any]:
        return {
            **super().props(),
            "label": self.label,
            "open": self.open,
            "position": self.position,
            "width": self.width,
        }
