"""Walkthrough and Step: a sequence of steps, one shown at a time under a row of step
headers; a function moves the user on by returning ``gr.Walkthrough(selected=...)``."""

from __future__ import annotations

from typing import Any

from typing_extensions import Unpack

from limelight.core.block import BlockContext, BlockOptions
from limelight.core.events import EventListener

__all__ = ["Step", "Walkthrough"]


class Walkthrough(BlockContext):
    """Holds ``Step`` blocks. ``selected`` is the ``id`` of the step shown (when no step has
    that id, the step at that position); by default the first."""

    TYPE = "walkthrough"
    change = EventListener("change", "Another step was shown.")
    select = EventListener("select", "The user chose a step.")

    def __init__(self, *, selected: int | None = None, **options: Unpack[BlockOptions]) -> None:
        self.selected = selected
        super().__init__(**options)

    def props(self) -> dict[str, Any]:
        return {**super().props(), "selected": self.selected}


class Step(BlockContext):
    """One step of a ``Walkthrough``, titled ``label``. With ``interactive=False`` the user
    cannot go to it through its header (a function still can)."""

    TYPE = "walkthroughstep"
    select = EventListener("select", "The user chose this step.")

    def __init__(
        self,
        label: str | None = None,
        visible: bool = True,
        interactive: bool = True,
        *,
        id: int | None = None,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        scale: int | None = None,
        render: bool = True,
        key: int | str | None = None,
        preserved_by_key: list[str] | str | None = None,
    ) -> None:
        # ``visible`` comes second, as in Gradio, so the shared options are spelled out here.
        self.label = label
        self.interactive = interactive
        self.step_id = id
        self.scale = scale
        super().__init__(
            visible=visible,
            elem_id=elem_id,
            elem_classes=elem_classes,
            render=render,
            key=key,
            preserved_by_key=preserved_by_key,
        )

    def props(self) -> dict[str, Any]:
        return {
            **super().props(),
            "label": self.label,
            "interactive": self.interactive,
            "id": self.step_id,
            "scale": self.scale,
            "name": "step",  # Gradio's name for it, though its type is "walkthroughstep"
        }
