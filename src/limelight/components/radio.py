"""Radio: exactly one of a few choices, all visible."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Literal

from typing_extensions import Unpack

from limelight.components.base import ComponentOptions
from limelight.components.choices import ChoiceComponent, normalize_choices
from limelight.core.events import EventListener

__all__ = ["Radio"]


class Radio(ChoiceComponent):
    """A set of radio buttons. Passes the chosen value (or its index with ``type="index"``)."""

    TYPE = "radio"
    select = EventListener("select", "The user picked a choice.")

    def __init__(
        self,
        choices: Sequence[Any] | None = None,
        *,
        value: Any | Callable[..., Any] = None,
        type: Literal["value", "index"] = "value",
        rtl: bool = False,
        **options: Unpack[ComponentOptions],
    ) -> None:
        self.choices = normalize_choices(choices)
        self.type = type
        self.rtl = rtl
        super().__init__(value, **options)

    def preprocess(self, payload: Any) -> Any:
        """The chosen value, which must be one of the choices (or None)."""
        if payload is None:
            return None
        return self._check_one(payload, allow_custom=False)

    def postprocess(self, value: Any) -> Any:
        return self._one_from_value(value)

    def api_info(self) -> dict[str, Any]:
        return self.choices_schema()

    def component_props(self) -> dict[str, Any]:
        return {"choices": [list(c) for c in self.choices], "type": self.type, "rtl": self.rtl}
