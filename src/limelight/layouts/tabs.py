"""Tabs and Tab: pages of blocks, one shown at a time."""

from __future__ import annotations

from typing import Any

from typing_extensions import Unpack

from .. import context
from ..block import BlockContext, BlockOptions
from ..events import EventListener

__all__ = ["Tab", "TabItem", "Tabs"]


class Tabs(BlockContext):
    """Holds ``Tab`` blocks. ``selected`` is the id (or index) of the tab shown first."""

    TYPE = "tabs"
    change = EventListener("change", "Another tab was selected.")
    select = EventListener("select", "The user selected a tab.")

    def __init__(self, *, selected: int | str | None = None, **options: Unpack[BlockOptions]):
        self.selected = selected
        super().__init__(**options)

    def props(self) -> dict[str, Any]:
        return {**super().props(), "selected": self.selected}


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
        render_children: bool = False,
        **options: Unpack[BlockOptions],
    ) -> None:
        self.label = label
        self.render_children = render_children
        """Gradio renders a hidden tab's children up front when True; limelight always does."""
        self.tab_id = id
        self.interactive = interactive
        self.scale = scale
        super().__init__(**options)

    def render(self) -> Tab:
        layout = context.current_layout()
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
            "scale": self.scale,
        }


TabItem = Tab
