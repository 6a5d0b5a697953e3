"""Results equal but for a difference that says nothing about limelight: clock readings a
demo took as it started (the two servers start seconds apart), and numbers Gradio sends as
their text (its event stream writes numpy numbers so; README, "Migrating from Gradio")."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime
from typing import Any

__all__ = ["equal_but", "number_as_text", "startup_clock"]

Json = Any
Same = Callable[[Json, Json], bool]
# The start of an ISO date and time, as pandas and json.dumps(default=str) write them.
ISO_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}")
# Epoch timestamps of this century, in milliseconds (plots) or in seconds.
EPOCH_MS = (1e12, 1e13)
EPOCH_S = (1e9, 1e10)


def equal_but(ours: Json, theirs: Json, same: Same) -> bool:
    """Whether two results have the same structure and every pair of differing values in
    it is ``same``."""
    if isinstance(ours, list) and isinstance(theirs, list):
        return len(ours) == len(theirs) and all(equal_but(a, b, same) for a, b in zip(ours, theirs))
    if isinstance(ours, dict) and isinstance(theirs, dict):
        return ours.keys() == theirs.keys() and all(
            equal_but(ours[k], theirs[k], same) for k in ours
        )
    return bool(ours == theirs or same(ours, theirs))


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


def startup_clock(window: float) -> Same:
    """Clock readings at most ``window`` seconds apart (the time both servers took to
    start, during which each read its clock)."""

    def same(ours: Json, theirs: Json) -> bool:
        a, b = _timestamp(ours), _timestamp(theirs)
        return a is not None and b is not None and abs(a - b) <= window

    return same


def number_as_text(ours: Json, theirs: Json) -> bool:
    """A number on limelight's side, its text on Gradio's."""
    if isinstance(ours, bool) or not isinstance(ours, (int, float)) or not isinstance(theirs, str):
        return False
    try:
        return round(float(theirs), 6) == round(ours, 6)
    except ValueError:
        return False
