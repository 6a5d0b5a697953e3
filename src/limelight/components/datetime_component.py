"""DateTime: a date, or a date and time, typed or picked."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime, timedelta, tzinfo
from typing import Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from typing_extensions import Unpack

from limelight.components.base import ComponentOptions, FormComponent, PayloadError
from limelight.core.events import EventListener

__all__ = ["DateTime"]

RELATIVE = re.compile(r"now\s*(?:-\s*(\d+(?:\.\d+)?)\s*([smhdw]))?", re.IGNORECASE)
UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}
FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M", "%Y-%m-%d")


class DateTime(FormComponent):
    """A date-time field. ``type`` chooses what the function gets: a POSIX ``timestamp``
    (float), a ``datetime``, or the ``string`` as typed. Text such as ``"now - 2h"`` is
    understood too. As an output it takes any of those.
    """

    TYPE = "datetime"
    submit = EventListener("submit", "The user pressed Enter.")

    def __init__(
        self,
        value: float | str | datetime | Callable[..., Any] | None = None,
        *,
        include_time: bool = True,
        type: Literal["timestamp", "datetime", "string"] = "timestamp",
        timezone: str | None = None,
        **options: Unpack[ComponentOptions],
    ) -> None:
        self.include_time = include_time
        self.type = type
        self.timezone = timezone
        self._tz = _zone(timezone)
        super().__init__(value, **options)

    @property
    def _format(self) -> str:
        return FORMATS[0] if self.include_time else FORMATS[-1]

    def _parse(self, text: str) -> datetime:
        relative = RELATIVE.fullmatch(text.strip())
        if relative:
            amount, unit = relative.groups()
            back = float(amount) * UNITS[unit.lower()] if amount else 0.0
            try:
                return datetime.now(self._tz) - timedelta(seconds=back)
            except OverflowError:  # "now - 99999999w": before the year 1
                raise PayloadError(f"DateTime cannot go back as far as {text!r}") from None
        for fmt in FORMATS:
            try:
                return datetime.strptime(text.strip(), fmt).replace(tzinfo=self._tz)
            except ValueError:
                continue
        raise PayloadError(f"DateTime expects a date such as '2024-01-31 12:00:00', got {text!r}")

    def preprocess(self, payload: Any) -> float | datetime | str | None:
        """The date as ``type`` asks: a timestamp, a ``datetime`` or the text."""
        if payload is None or payload == "":
            return None
        if not isinstance(payload, str):
            raise PayloadError(f"DateTime expects a string, got {type(payload).__name__}")
        moment = self._parse(payload)
        if self.type == "string":
            return payload
        if self.type == "datetime":
            return moment
        return moment.timestamp()

    def postprocess(self, value: Any) -> str | None:
        """Text in the component's format, from a timestamp, a ``datetime`` or text."""
        if value is None or value == "":
            return None
        if isinstance(value, datetime):
            return (
                value.astimezone(self._tz).strftime(self._format)
                if value.tzinfo
                else (value.strftime(self._format))
            )
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return datetime.fromtimestamp(value, self._tz).strftime(self._format)
        text = str(value)
        self._parse(text)
        return text

    def api_info(self) -> dict[str, Any]:
        layout = "YYYY-MM-DD HH:MM:SS" if self.include_time else "YYYY-MM-DD"
        return {"type": "string", "description": f"Formatted as {layout}"}

    def example_payload(self) -> str:
        return "2020-10-01 05:20:15" if self.include_time else "2020-10-01"

    def component_props(self) -> dict[str, Any]:
        return {"include_time": self.include_time, "type": self.type, "timezone": self.timezone}


def _zone(name: str | None) -> tzinfo | None:
    if name is None:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"Unknown timezone {name!r}") from None
