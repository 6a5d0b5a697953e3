"""How code running inside an event reaches that event's client.

The queue sets a reporter for each running event; ``gr.Info`` and friends (and later
``gr.Progress``) find it here. Context variables follow the call into worker threads, so
a synchronous function reports to the right event too.
"""

from __future__ import annotations

from collections.abc import Callable
from contextvars import ContextVar
from typing import Any

__all__ = ["Reporter", "current_reporter", "reporting_to"]

Reporter = Callable[[dict[str, Any]], None]
"""Takes a message (``{"msg": "log", ...}``) for the running event; safe from any thread."""

_reporter: ContextVar[Reporter | None] = ContextVar("limelight_reporter", default=None)


def current_reporter() -> Reporter | None:
    """The reporter of the event running in this context, if any."""
    return _reporter.get()


def reporting_to(reporter: Reporter | None) -> object:
    """Make ``reporter`` current; returns a token for ``reset``."""
    return _reporter.set(reporter)


def reset(token: Any) -> None:
    """Undo ``reporting_to``."""
    _reporter.reset(token)
