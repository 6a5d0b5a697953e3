"""Slider: a number chosen between a minimum and a maximum."""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

from typing_extensions import Unpack

from limelight.components.base import ComponentOptions, FormComponent, PayloadError
from limelight.components.number import to_number
from limelight.core.events import EventListener

__all__ = ["Slider"]


class Slider(FormComponent):
    """A slider from ``minimum`` to ``maximum``. Passes a ``float`` (``int`` for whole steps)."""

    TYPE = "slider"
    release = EventListener("release", "The user let go of the slider.")

    def __init__(
        self,
        minimum: float = 0,
        maximum: float = 100,
        value: float | Callable[..., Any] | None = None,
        *,
        step: float | None = None,
        randomize: bool = False,
        show_reset_button: bool = True,
        precision: int | None = None,
        **options: Unpack[ComponentOptions],
    ) -> None:
        self.minimum = minimum
        self.maximum = maximum
        self.step = step if step is not None else 1
        if randomize and not callable(value):
            value = self.get_random_value
        self.precision = precision
        super().__init__(minimum if value is None else value, **options)
        self.show_reset_button = show_reset_button

    def get_random_value(self) -> float:
        """A value drawn uniformly from the slider's steps (what ``randomize=True`` loads)."""
        steps = int((self.maximum - self.minimum) / self.step)
        return self.minimum + self.step * random.randint(0, steps)

    def preprocess(self, payload: Any) -> float | int | None:
        """The number, checked to lie within the slider's range."""
        number = to_number(payload, None)
        if number is None:
            return None
        if not self.minimum <= number <= self.maximum:
            raise PayloadError(
                f"Value {number} is outside the slider's range [{self.minimum}, {self.maximum}]."
            )
        return number

    def postprocess(self, value: Any) -> float | int | None:
        number = to_number(value, None)
        if number is None:
            return self.minimum
        return number

    def api_info(self) -> dict[str, Any]:
        return {
            "type": "number",
            "description": f"numeric value between {self.minimum} and {self.maximum}",
        }

    def example_payload(self) -> float:
        return self.minimum

    def component_props(self) -> dict[str, Any]:
        return {
            "precision": self.precision,
            "minimum": self.minimum,
            "maximum": self.maximum,
            "step": self.step,
            "show_reset_button": self.show_reset_button,
        }
