"""JSON: any JSON-serialisable value, shown as a collapsible tree."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from typing_extensions import Unpack

from limelight.components.base import Component, ComponentOptions, PayloadError

__all__ = ["JSON"]


class JSON(Component):
    """Shows a JSON value. Takes dicts, lists, numbers, strings (parsed if they hold JSON)."""

    TYPE = "json"
    NOT_TAKEN = frozenset({"info", "interactive"})

    def __init__(
        self,
        value: Any | Callable[..., Any] = None,
        *,
        open: bool = False,
        show_indices: bool = False,
        height: int | str | None = None,
        max_height: int | str | None = 500,
        min_height: int | str | None = None,
        **options: Unpack[ComponentOptions],
    ) -> None:
        self.open = open
        self.show_indices = show_indices
        self.height = height
        self.max_height = max_height
        self.min_height = min_height
        super().__init__(value, **options)

    def preprocess(self, payload: Any) -> Any:
        """The JSON value as Python dicts, lists and scalars."""
        return payload

    def postprocess(self, value: Any) -> Any:
        """A JSON string is parsed; anything else is serialised to JSON, an object JSON has
        no form for as its text (parsed when that text is JSON)."""
        if isinstance(value, str):
            try:
                return json.loads(value)
            except json.JSONDecodeError:
                return value
        try:
            return json.loads(json.dumps(value, default=_plain))
        except (TypeError, ValueError) as exc:
            raise PayloadError(f"JSON output is not JSON-serialisable: {exc}") from None

    def api_info(self) -> dict[str, Any]:
        return {"type": {}, "description": "any valid json"}

    def example_payload(self) -> Any:
        return {"foo": "bar"}

    def component_props(self) -> dict[str, Any]:
        return {
            "open": self.open,
            "show_indices": self.show_indices,
            "height": self.height,
            "max_height": self.max_height,
            "min_height": self.min_height,
        }


def _plain(obj: Any) -> Any:
    """Numpy arrays and scalars (anything with ``tolist``) as lists and numbers, without
    importing numpy; any other object as its text, read as JSON when it is JSON, as Gradio
    does (request headers, a datetime)."""
    if hasattr(obj, "tolist"):
        return obj.tolist()
    text = str(obj)
    try:
        return json.loads(text)
    except ValueError:
        return text
