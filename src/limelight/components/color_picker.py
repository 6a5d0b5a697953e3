"""ColorPicker: a colour, as a CSS hex string."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from typing_extensions import Unpack

from limelight.components.base import ComponentOptions, FormComponent, PayloadError
from limelight.core.events import EventListener

__all__ = ["ColorPicker"]

HEX = re.compile(r"#(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})")
RGB = re.compile(r"rgba?\(\s*[\d.]+%?\s*(?:,\s*[\d.]+%?\s*){2,3}\)")


class ColorPicker(FormComponent):
    """A colour swatch and picker. Passes the colour as a hex string such as ``"#ff8800"``."""

    TYPE = "colorpicker"
    submit = EventListener("submit", "The user confirmed the colour.")

    def __init__(
        self, value: str | Callable[..., Any] | None = None, **options: Unpack[ComponentOptions]
    ) -> None:
        super().__init__(value, **options)

    def preprocess(self, payload: Any) -> str | None:
        """The colour, checked to be a hex (``#rgb``, ``#rrggbb``, ...) or ``rgb()`` colour."""
        if payload is None:
            return None
        if not isinstance(payload, str) or not (HEX.fullmatch(payload) or RGB.fullmatch(payload)):
            raise PayloadError(f"ColorPicker expects a colour such as '#ff8800', got {payload!r}")
        return payload

    def postprocess(self, value: Any) -> str | None:
        return None if value is None else str(value)

    def api_info(self) -> dict[str, Any]:
        return {"type": "string"}

    def example_payload(self) -> str:
        return "#000000"
