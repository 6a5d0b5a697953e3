"""Checkbox: a single yes/no choice."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from typing_extensions import Unpack

from limelight.components.base import ComponentOptions, FormComponent, PayloadError
from limelight.core.events import EventListener

__all__ = ["Checkbox"]


class Checkbox(FormComponent):
    """A checkbox. Passes a ``bool``."""

    TYPE = "checkbox"
    select = EventListener("select", "The user checked or unchecked the box.")

    def __init__(
        self,
        value: bool | Callable[..., Any] = False,
        **options: Unpack[ComponentOptions],
    ) -> None:
        super().__init__(value, **options)

    def preprocess(self, payload: Any) -> bool | None:
        """The box's state; only true, false and null are accepted."""
        if payload is None or isinstance(payload, bool):
            return payload
        raise PayloadError(f"Checkbox expects true or false, got {payload!r}")

    def postprocess(self, value: Any) -> bool | None:
        return None if value is None else bool(value)

    def api_info(self) -> dict[str, Any]:
        return {"type": "boolean"}

    def example_payload(self) -> bool:
        return True
