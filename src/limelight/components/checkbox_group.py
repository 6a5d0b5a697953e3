"""CheckboxGroup: any number of a few choices, all visible."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Literal

from typing_extensions import Unpack

from limelight.components.base import ComponentOptions, PayloadError
from limelight.components.choices import ChoiceComponent, normalize_choices
from limelight.core.events import EventListener

__all__ = ["CheckboxGroup"]


class CheckboxGroup(ChoiceComponent):
    """A group of checkboxes. Passes the list of checked values (or their indices with
    ``type="index"``)."""

    TYPE = "checkboxgroup"
    select = EventListener("select", "The user checked or unchecked one of the choices.")

    def __init__(
        self,
        choices: Sequence[Any] | None = None,
        *,
        value: Sequence[Any] | Any | Callable[..., Any] = None,
        type: Literal["value", "index"] = "value",
        rtl: bool = False,
        show_select_all: bool = False,
        **options: Unpack[ComponentOptions],
    ) -> None:
        self.choices = normalize_choices(choices)
        self.type = type
        self.rtl = rtl
        self.show_select_all = show_select_all
        super().__init__(value, **options)

    def preprocess(self, payload: Any) -> list[Any]:
        """The checked values, each one of the choices; null means none is checked."""
        if payload is None:
            return []
        if not isinstance(payload, list):
            raise PayloadError(f"CheckboxGroup expects a list, got {type(payload).__name__}")
        return [self._check_one(item, allow_custom=False) for item in payload]

    def postprocess(self, value: Any) -> list[Any]:
        """A list of choice values; one value is read as a list of one."""
        if value is None:
            return []
        items = value if isinstance(value, (list, tuple, set)) else [value]
        return [self._one_from_value(item) for item in items]

    def api_info(self) -> dict[str, Any]:
        return {"type": "array", "items": self.choices_schema()}

    def example_payload(self) -> list[Any]:
        return [self.choices[0][1]] if self.choices else []

    def component_props(self) -> dict[str, Any]:
        return {
            "choices": [list(c) for c in self.choices],
            "type": self.type,
            "rtl": self.rtl,
            "show_select_all": self.show_select_all,
        }
