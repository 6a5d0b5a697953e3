"""``gr.Progress``: progress bars on a running event's outputs.

Declare a parameter with a ``gr.Progress()`` default (or the annotation) and call it::

    def train(steps, progress=gr.Progress()):
        progress(0, desc="Starting")
        for _ in progress.tqdm(range(steps), desc="Training"):
            ...

Updates reach the event's client as ``progress`` messages, at most ten a second (the
first and the last of a loop always go out).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from contextvars import ContextVar
from typing import Any, TypeVar

from limelight import protocol
from limelight._reporting import current_reporter

__all__ = ["Progress", "TrackedIterable"]

T = TypeVar("T")
MIN_INTERVAL = 0.1
"""Seconds between two progress messages of one event."""


class TrackedIterable:
    """One level of progress: a loop, or a fraction set by calling the tracker."""

    def __init__(
        self,
        iterable: Iterable[Any] | None,
        index: int | None,
        length: int | None,
        desc: str | None,
        unit: str,
        progress: float | None = None,
    ) -> None:
        self.iterable = iterable
        self.index = index
        self.length = length
        self.desc = desc
        self.unit = unit
        self.progress = progress

    def as_unit(self) -> dict[str, Any]:
        """The wire form (``ProgressUnit``)."""
        return {
            "index": self.index,
            "length": self.length,
            "unit": self.unit,
            "progress": self.progress,
            "desc": self.desc,
        }


class Progress:
    """Reports the progress of the running event; a no-op outside one.

    ``track_tqdm=True`` also reports the ``tqdm`` bars the function creates.
    """

    def __init__(self, track_tqdm: bool = False) -> None:
        self.track_tqdm = track_tqdm
        self.levels: list[TrackedIterable] = []
        self._reporter: Callable[[dict[str, Any]], None] | None = None
        self._last_sent = 0.0
        self._tqdm_levels: dict[int, TrackedIterable] = {}

    def bind(self) -> Progress:
        """A fresh tracker for one call, reporting to the current event."""
        bound = Progress(self.track_tqdm)
        bound._reporter = current_reporter()
        if self.track_tqdm and _install_tqdm_hook():
            _tracking.set(bound)
        return bound

    def _tqdm_step(self, bar: Any) -> None:
        level = self._tqdm_levels.get(id(bar))
        if level is None:
            level = TrackedIterable(None, 0, bar.total, bar.desc or None, bar.unit or "steps")
            self._tqdm_levels[id(bar)] = level
            self.levels.append(level)
        level.index = int(bar.n)
        self._send(force=bar.total is not None and bar.n >= bar.total)

    def _tqdm_closed(self, bar: Any) -> None:
        level = self._tqdm_levels.pop(id(bar), None)
        if level in self.levels:
            self.levels.remove(level)

    def _send(self, force: bool = False) -> None:
        if self._reporter is None:
            return
        now = time.monotonic()
        if not force and now - self._last_sent < MIN_INTERVAL:
            return
        self._last_sent = now
        self._reporter(protocol.progress([x.as_unit() for x in self.levels]))

    def __call__(
        self,
        progress: float | tuple[int, int | None] | None,
        desc: str | None = None,
        total: int | None = None,
        unit: str = "steps",
    ) -> float | tuple[int, int | None] | None:
        """Set the outermost bar: a fraction in [0, 1], or ``(done, total)`` steps."""
        if isinstance(progress, tuple):
            done, length = progress
            level = TrackedIterable(None, done, length if length else total, desc, unit)
        else:
            level = TrackedIterable(None, None, total, desc, unit, progress)
        self.levels = [level]
        self._send(force=True)
        return progress

    def tqdm(
        self,
        iterable: Iterable[T],
        desc: str | None = None,
        total: int | None = None,
        unit: str = "steps",
    ) -> Iterator[T]:
        """Iterate ``iterable``, reporting each step (nested loops nest their bars)."""
        length = total
        if length is None and hasattr(iterable, "__len__"):
            length = len(iterable)  # type: ignore[arg-type]
        level = TrackedIterable(iterable, 0, length, desc, unit)
        self.levels = [x for x in self.levels if x.iterable is not None]
        self.levels.append(level)
        self._send(force=True)
        try:
            for index, item in enumerate(iterable):
                level.index = index
                self._send()
                yield item
            level.index = length if length is not None else level.index
            self._send(force=True)
        finally:
            if level in self.levels:
                self.levels.remove(level)

    def update(self, n: int = 1) -> None:
        """Advance the innermost bar by ``n`` steps (for hand-written loops)."""
        if self.levels:
            level = self.levels[-1]
            level.index = (level.index or 0) + n
            self._send()


_tracking: ContextVar[Progress | None] = ContextVar("limelight_tqdm_progress", default=None)
_hooked = False


def _install_tqdm_hook() -> bool:
    """Make every ``tqdm`` bar report to the ``track_tqdm`` tracker of the running event.

    Patches tqdm once per process; bars outside such an event behave as before.
    """
    global _hooked
    if _hooked:
        return True
    try:
        # Optional and not needed otherwise: imported only for track_tqdm.
        from tqdm import std  # type: ignore[import-untyped]
    except ImportError:
        return False
    original_update, original_close = std.tqdm.update, std.tqdm.close

    def update(bar: Any, n: float | None = 1) -> Any:
        result = original_update(bar, n)
        tracker = _tracking.get()
        if tracker is not None:
            tracker._tqdm_step(bar)
        return result

    def close(bar: Any) -> Any:
        tracker = _tracking.get()
        if tracker is not None:
            tracker._tqdm_closed(bar)
        return original_close(bar)

    std.tqdm.update = update
    std.tqdm.close = close
    _hooked = True
    return True
