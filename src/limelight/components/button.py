"""Button: fires ``click``; its value is its text."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

from typing_extensions import Unpack

from limelight.components.base import Component, ComponentOptions
from limelight.core.events import EventListener

__all__ = ["Button"]


class Button(Component):
    """A button. Wire ``.click(fn, inputs, outputs)``; as an input it passes its text."""

    TYPE = "button"
    NOT_TAKEN = frozenset({"label", "info", "show_label", "container"})
    # As in Gradio, a button is no API parameter or return: clients neither send nor get it.
    SKIP_API = True
    click = EventListener("click", "The user clicked the button.")

    def __init__(
        self,
        value: str | Callable[..., Any] = "Run",
        *,
        variant: Literal["primary", "secondary", "stop", "huggingface"] = "secondary",
        size: Literal["sm", "md", "lg"] = "lg",
        icon: str | None = None,
        link: str | None = None,
        link_target: Literal["_self", "_blank", "_parent", "_top"] = "_self",
        **options: Unpack[ComponentOptions],
    ) -> None:
        self.variant = variant
        self.size = size
        self.icon = icon
        self.link = link
        self.link_target = link_target
        # Gradio's buttons have no minimum width: a Row may squeeze them.
        options.setdefault("min_width", None)
        # As in Gradio, a button stays clickable when an event writes to it (its label, say).
        options.setdefault("interactive", True)
        super().__init__(value, **options)

    def preprocess(self, payload: Any) -> str | None:
        """The button's text."""
        return None if payload is None else str(payload)

    def postprocess(self, value: Any) -> str | None:
        return None if value is None else str(value)

    def api_info(self) -> dict[str, Any]:
        return {"type": "string"}

    def example_payload(self) -> str:
        return "Run"

    def component_props(self) -> dict[str, Any]:
        return {
            "variant": self.variant,
            "size": self.size,
            "icon": self.icon,
            "link": self.link,
            "link_target": self.link_target,
        }
