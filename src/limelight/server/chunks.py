"""The chunks of a media input stream (a ``stream`` event) on their way to its running job.

The browser joins the queue once with the first chunk, then posts each later chunk to
``/gradio_api/stream/{event_id}``. Only the newest unread chunk is kept: a function slower
than the stream sees the latest frame or sound, never a growing backlog.
"""

from __future__ import annotations

import asyncio
import contextlib
from abc import ABC, abstractmethod
from typing import Any

__all__ = ["ChunkFeed", "ChunkFeeds", "InMemoryChunkFeeds"]


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


class ChunkFeeds(ABC):
    """The open media input streams of an app, by event id: the routes push the browser's
    chunks here and the worker running the event reads them."""

    @abstractmethod
    async def open(self, event_id: str) -> None:
        """Start taking chunks for ``event_id`` (when its job is admitted)."""

    @abstractmethod
    async def is_open(self, event_id: str) -> bool:
        """Whether chunks for ``event_id`` are taken."""

    @abstractmethod
    async def push(self, event_id: str, data: list[Any]) -> None:
        """A new chunk, replacing any not read yet."""

    @abstractmethod
    async def close(self, event_id: str) -> None:
        """The browser stopped streaming: the job ends after its current run."""

    @abstractmethod
    def feed(self, event_id: str) -> ChunkFeed:
        """The feed the running job reads (a reader in this process)."""

    @abstractmethod
    async def discard(self, event_id: str) -> None:
        """Forget the stream (its job ended)."""


class InMemoryChunkFeeds(ChunkFeeds):
    """Feeds held in this process."""

    def __init__(self) -> None:
        self._feeds: dict[str, ChunkFeed] = {}

    async def open(self, event_id: str) -> None:
        self._feeds.setdefault(event_id, ChunkFeed())

    async def is_open(self, event_id: str) -> bool:
        return event_id in self._feeds

    async def push(self, event_id: str, data: list[Any]) -> None:
        self.feed(event_id).push(data)

    async def close(self, event_id: str) -> None:
        feed = self._feeds.get(event_id)
        if feed is not None:
            feed.close()

    def feed(self, event_id: str) -> ChunkFeed:
        return self._feeds.setdefault(event_id, ChunkFeed())

    async def discard(self, event_id: str) -> None:
        self._feeds.pop(event_id, None)
