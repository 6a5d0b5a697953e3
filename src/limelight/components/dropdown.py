"""Dropdown: one or several of many choices, in a searchable list."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Literal

from typing_extensions import Unpack

from limelight.components.base import ComponentOptions, PayloadError
from limelight.components.choices import ChoiceComponent, normalize_choices
from limelight.core.events import EventListener

__all__ = ["Dropdown"]

FIRST_CHOICE: Any = object()
"""The default ``value``: the first choice (an explicit None selects nothing)."""


class Dropdown(ChoiceComponent):
    """A dropdown list. Passes the chosen value, or a list of them with ``multiselect=True``."""

    TYPE = "dropdown"
    select = EventListener("select", "The user picked a choice.")
    submit = EventListener("submit", "The user pressed Enter in the search box.")
    key_up = EventListener(
        "key_up", "The user released a key in the search box; see ``gr.KeyUpData``."
    )

    def __init__(
        self,
        choices: Sequence[Any] | None = None,
        *,
        value: Any | Callable[..., Any] = FIRST_CHOICE,
        type: Literal["value", "index"] = "value",
        multiselect: bool | None = None,
        allow_custom_value: bool = False,
        max_choices: int | None = None,
        filterable: bool = True,
        num_choices_shown: int | None = None,
        **options: Unpack[ComponentOptions],
    ) -> None:
        self.choices = normalize_choices(choices)
        self.type = type
        self.multiselect = bool(multiselect)
        self.allow_custom_value = allow_custom_value
        self.max_choices = max_choices
        self.filterable = filterable
        if value is FIRST_CHOICE:
            first_ok = self.choices and not self.multiselect
            value = self.choices[0][1] if first_ok else None
        self.num_choices_shown = num_choices_shown
        super().__init__(value, **options)

    def preprocess(self, payload: Any) -> Any:
        """The chosen value(s), each one of the choices unless ``allow_custom_value``."""
        if payload is None:
            return [] if self.multiselect else None
        if self.multiselect:
            items = payload if isinstance(payload, list) else [payload]
            if self.max_choices is not None and len(items) > self.max_choices:
                raise PayloadError(f"At most {self.max_choices} choices may be selected")
            return [self._check_one(i, allow_custom=self.allow_custom_value) for i in items]
        if isinstance(payload, list):
            raise PayloadError("This dropdown takes one value, not a list")
        return self._check_one(payload, allow_custom=self.allow_custom_value)

    def postprocess(self, value: Any) -> Any:
        if self.multiselect:
            if value is None:
                return []
            items = value if isinstance(value, (list, tuple)) else [value]
            return [self._one_from_value(v) for v in items]
        return self._one_from_value(value)

    def api_info(self) -> dict[str, Any]:
        if self.multiselect:
            return {"type": "array", "items": self.choices_schema()}
        return self.choices_schema()

    def example_payload(self) -> Any:
        first = super().example_payload()
        return [first] if self.multiselect else first

    def component_props(self) -> dict[str, Any]:
        return {
            "num_choices_shown": self.num_choices_shown,
            "choices": [list(c) for c in self.choices],
            "type": self.type,
            "multiselect": self.multiselect,
            "allow_custom_value": self.allow_custom_value,
            "max_choices": self.max_choices,
            "filterable": self.filterable,
        }
