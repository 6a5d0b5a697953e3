"""Clock readings a demo took as it started (``datetime.now()`` in its data): the two servers
start seconds apart, so such values differ by up to that much and are no difference."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

__all__ = ["equal_but_startup_clock"]

Json = Any
# The start of an ISO date and time, as pandas and json.dumps(default=str) write them.
ISO_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}")
# Epoch timestamps of this century, in milliseconds (plots) or in seconds.
EPOCH_MS = (1e12, 1e13)
EPOCH_S = (1e9, 1e10)


def _timestamp(value: Json) -> float | None:
    """``value`` as seconds since the epoch when it reads as a clock reading, else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        if EPOCH_MS[0] <= value < EPOCH_MS[1]:
            return float(value) / 1000
        return float(value) if EPOCH_S[0] <= value < EPOCH_S[1] else None
    if isinstance(value, str) and ISO_TIME.match(value):
        try:
            return datetime.fromisoformat(value).timestamp()
        except ValueError:
            return None
    return None


def equal_but_startup_clock(ours: Json, theirs: Json, window: float) -> bool:
    """Whether two results are equal but for clock readings at most ``window`` seconds apart
    (the time both servers took to start, during which each read its clock)."""
    if isinstance(ours, list) and isinstance(theirs, list):
        return len(ours) == len(theirs) and all(
            equal_but_startup_clock(a, b, window) for a, b in zip(ours, theirs)
        )
    if isinstance(ours, dict) and isinstance(theirs, dict):
        return ours.keys() == theirs.keys() and all(
            equal_but_startup_clock(ours[k], theirs[k], window) for k in ours
        )
    if ours == theirs:
        return True
    a, b = _timestamp(ours), _timestamp(theirs)
    return a is not None and b is not None and abs(a - b) <= window
