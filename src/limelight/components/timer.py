"""Timer: fires ``tick`` every so many seconds while the page is open."""

from __future__ import annotations

from typing import Any

from typing_extensions import Unpack

from limelight.components.base import Component, ComponentOptions, PayloadError
from limelight.core.events import EventListener

__all__ = ["Timer"]


class Timer(Component):
    """An invisible clock. ``value`` is the interval in seconds; while ``active`` each open
    page fires ``tick`` at that interval. Return ``gr.Timer(active=False)`` (or
    ``gr.update(active=False)``) from a function to stop it, or a new ``value`` to retime it.
    """

    TYPE = "timer"
    NOT_TAKEN = frozenset(
        {
            "label",
            "info",
            "show_label",
            "container",
            "scale",
            "min_width",
            "interactive",
            "every",
            "inputs",
            "buttons",
            "visible",
            "elem_id",
            "elem_classes",
        }
    )
    tick = EventListener("tick", "The interval passed.")

    def __init__(
        self,
        value: float = 1.0,
        *,
        active: bool = True,
        **options: Unpack[ComponentOptions],
    ) -> None:
        self.active = active
        options.setdefault("show_label", False)
        options.setdefault("container", False)
        super().__init__(value, **options)

    def preprocess(self, payload: Any) -> float | None:
        """The interval in seconds."""
        if payload is None:
            return None
        if isinstance(payload, bool) or not isinstance(payload, (int, float)) or payload < 0:
            raise PayloadError(f"Timer expects a positive number of seconds, got {payload!r}")
        return float(payload)

    def postprocess(self, value: Any) -> float | None:
        return None if value is None else float(value)

    def api_info(self) -> dict[str, Any]:
        return {"type": "number"}

    def example_payload(self) -> float:
        return 1.0

    def component_props(self) -> dict[str, Any]:
        return {"active": self.active}
