"""Number: a numeric field with optional bounds and precision."""

from __future__ import annotations

import math
import numbers
from collections.abc import Callable
from typing import Any

from typing_extensions import Unpack

from limelight.components.base import ComponentOptions, FormComponent, PayloadError
from limelight.core.events import EventListener

__all__ = ["Number", "to_number"]


def to_number(payload: Any, precision: int | None) -> float | int | None:
    """Read a number from a payload, rounding to ``precision`` digits (0 gives an int)."""
    if payload is None or payload == "":
        return None
    if isinstance(payload, bool) or not isinstance(payload, (numbers.Real, str)):
        raise PayloadError(f"Expected a number, got {type(payload).__name__}")
    try:
        number = float(payload)
    except ValueError:
        raise PayloadError(f"Expected a number, got {payload!r}") from None
    if not math.isfinite(number):
        raise PayloadError("Expected a finite number")
    if precision is None:
        return int(number) if isinstance(payload, numbers.Integral) else number
    return round(number) if precision == 0 else round(number, precision)


class Number(FormComponent):
    """A number field. Passes a ``float`` (an ``int`` with ``precision=0``)."""

    TYPE = "number"
    submit = EventListener("submit", "The user pressed Enter.")

    def __init__(
        self,
        value: float | Callable[..., Any] | None = None,
        *,
        minimum: float | None = None,
        maximum: float | None = None,
        step: float = 1,
        precision: int | None = None,
        placeholder: str | None = None,
        **options: Unpack[ComponentOptions],
    ) -> None:
        self.minimum = minimum
        self.maximum = maximum
        self.step = step
        self.precision = precision
        self.placeholder = placeholder
        super().__init__(value, **options)

    def preprocess(self, payload: Any) -> float | int | None:
        """The number, checked against ``minimum``/``maximum``."""
        number = to_number(payload, self.precision)
        if number is not None:
            if self.minimum is not None and number < self.minimum:
                raise PayloadError(f"Value {number} is less than minimum value {self.minimum}.")
            if self.maximum is not None and number > self.maximum:
                raise PayloadError(f"Value {number} is more than maximum value {self.maximum}.")
        return number

    def postprocess(self, value: Any) -> float | int | None:
        return to_number(value, self.precision)

    def api_info(self) -> dict[str, Any]:
        return {"type": "integer" if self.precision == 0 else "number"}

    def example_payload(self) -> float:
        return 3 if self.minimum is None else self.minimum

    def component_props(self) -> dict[str, Any]:
        return {
            "minimum": self.minimum,
            "maximum": self.maximum,
            "step": self.step,
            "precision": self.precision,
            "placeholder": self.placeholder,
        }
