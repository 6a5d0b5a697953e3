"""Tabs and Tab: pages of blocks, one shown at a time."""

from __future__ import annotations

from typing import Any, Literal

from typing_extensions import Unpack

from limelight.core.block import BlockContext, BlockOptions, current_layout
from limelight.core.events import EventListener

__all__ = ["Tab", "TabItem", "Tabs"]


class Tabs(BlockContext):
    """Holds ``Tab`` blocks. ``selected`` is the id (or index) of the tab shown first."""

    TYPE = "tabs"
    change = EventListener("change", "Another tab was selected.")
    select = EventListener("select", "The user selected a tab.")

    def __init__(
        self,
        *,
        selected: int | str | None = None,
        overflow_behavior: Literal["menu", "wrap"] = "menu",
        **options: Unpack[BlockOptions],
    ):
        self.selected = selected
        self.overflow_behavior = overflow_behavior
        super().__init__(**options)

    def props(self) -> dict[str, Any]:
        return {
            **super().props(),
            "selected": self.selected,
            "overflow_behavior": self.overflow_behavior,
        }


class Tab(BlockContext):
    """One page of a ``Tabs``; created outside a Tabs, it opens one around itself."""

    TYPE = "tabitem"
    select = EventListener("select", "The user selected this tab.")

    def __init__(
        self,
        label: str | None = None,
        *,
        id: int | str | None = None,
        interactive: bool = True,
        scale: int | None = None,
        height: int | str | None = None,
        max_height: int | str | None = None,
        alignment: Literal["left", "right"] = "left",
        render_children: bool = False,
        **options: Unpack[BlockOptions],
    ) -> None:
        self.label = label
        self.tab_id = id
        self.interactive = interactive
        self.scale = scale
        self.height = height
        self.max_height = max_height
        if alignment not in ("left", "right"):
            raise ValueError(f"alignment= is 'left' or 'right', not {alignment!r}")
        self.alignment = alignment
        self.render_children = render_children
        super().__init__(**options)

    def render(self) -> Tab:
        layout = current_layout()
        if layout is not None and not isinstance(layout, Tabs) and not self.is_rendered:
            tabs = layout.children[-1] if layout.children else None
            if not isinstance(tabs, Tabs):
                tabs = Tabs()
            tabs.add_child(self)
            return self
        return super().render()

    def props(self) -> dict[str, Any]:
        return {
            **super().props(),
            "label": self.label,
            "id": self.tab_id,
            "interactive": self.interactive,
            "height": self.height,
            "max_height": self.max_height,
            "alignment": self.alignment,
            "render_children": self.render_children,
            "scale": self.scale,
        }


TabItem = Tab
