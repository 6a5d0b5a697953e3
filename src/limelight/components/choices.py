"""What Radio and Dropdown share: a list of choices, each a display name and a value."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

from limelight.components.base import FormComponent, PayloadError

__all__ = ["Choice", "ChoiceComponent", "normalize_choices"]

Choice = tuple[str, Any]


def normalize_choices(choices: Sequence[Any] | None) -> list[Choice]:
    """Accept ``["a", "b"]`` or ``[("A", "a"), ...]``; give ``(display, value)`` pairs."""
    pairs: list[Choice] = []
    for choice in choices or []:
        if isinstance(choice, (tuple, list)) and len(choice) == 2:
            pairs.append((str(choice[0]), choice[1]))
        else:
            pairs.append((str(choice), choice))
    return pairs


class ChoiceComponent(FormComponent):
    """A component whose value is one (or several) of a list of choices."""

    choices: list[Choice]
    type: Literal["value", "index"]

    def _values(self) -> list[Any]:
        return [value for _, value in self.choices]

    def _check_one(self, payload: Any, *, allow_custom: bool) -> Any:
        values = self._values()
        if payload in values:
            return values.index(payload) if self.type == "index" else payload
        if allow_custom and isinstance(payload, (str, int, float)):
            return None if self.type == "index" else payload
        raise PayloadError(f"Value: {payload!r} is not in the list of choices: {values}")

    def _one_from_value(self, value: Any) -> Any:
        if self.type == "index" and isinstance(value, int) and 0 <= value < len(self.choices):
            return self.choices[value][1]
        return value

    def normalize_prop(self, name: str, value: Any) -> Any:
        if name == "choices":
            return [list(pair) for pair in normalize_choices(value)]
        return super().normalize_prop(name, value)

    def choices_schema(self) -> dict[str, Any]:
        return {"enum": self._values(), "title": type(self).__name__, "type": "string"}

    def example_payload(self) -> Any:
        return self.choices[0][1] if self.choices else None
