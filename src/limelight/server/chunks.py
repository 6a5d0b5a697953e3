"""The chunks of a media input stream (a ``stream`` event) on their way to its running job.

The browser joins the queue once with the first chunk, then posts each later chunk to
``/gradio_api/stream/{event_id}``. Only the newest unread chunk is kept: a function slower
than the stream sees the latest frame or sound, never a growing backlog.
"""

from __future__ import annotations

import asyncio
import contextlib
from typing import Any

__all__ = ["ChunkFeed"]


class ChunkFeed:
    """The newest chunk sent for one stream event, and whether the browser has stopped."""

    def __init__(self) -> None:
        self._data: list[Any] | None = None
        self._signal = asyncio.Event()
        self.closed = False

    def push(self, data: list[Any]) -> None:
        """A new chunk (one payload per input), replacing any chunk not read yet."""
        self._data = data
        self._signal.set()

    def close(self) -> None:
        """The browser stopped streaming: the job ends after its current run."""
        self.closed = True
        self._signal.set()

    async def next(self, timeout: float) -> list[Any] | None:
        """The next chunk; None once closed, or when none came within ``timeout`` seconds."""
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._signal.wait(), timeout)
        self._signal.clear()
        if self.closed:
            return None
        data, self._data = self._data, None
        return data
