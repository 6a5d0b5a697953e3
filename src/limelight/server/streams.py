"""Event streams: where a job's messages wait until its client reads them.

A *channel* is usually a session hash (the browser and ``gradio_client`` read one stream
per session) or a per-call name for the REST ``call`` API. Messages published before the
reader connects are kept, so a reader that joins late misses nothing.
"""

from __future__ import annotations

import asyncio
import time
from abc import ABC, abstractmethod
from collections import deque
from typing import Any

__all__ = ["EventStreams", "InMemoryEventStreams", "Message"]

Message = dict[str, Any]


class EventStreams(ABC):
    """Per-channel message buffers with one reader each."""

    @abstractmethod
    async def publish(self, channel: str, message: Message) -> None:
        """Append ``message`` to ``channel``, waking its reader."""

    @abstractmethod
    def publish_soon(self, channel: str, message: Message) -> None:
        """Publish from synchronous code on the server's loop, without waiting; messages
        keep their order relative to every other publish made from the loop."""

    @abstractmethod
    async def next(self, channel: str, timeout: float) -> Message | None:
        """The channel's next message, waiting up to ``timeout`` seconds (None if none came)."""

    @abstractmethod
    def has_buffered(self, channel: str) -> bool:
        """Whether ``channel`` holds messages not yet read."""

    @abstractmethod
    async def discard(self, channel: str) -> None:
        """Forget ``channel`` and anything still in it."""

    @abstractmethod
    async def expire(self, idle_seconds: float) -> int:
        """Drop channels untouched for ``idle_seconds``; returns how many were dropped."""


class _Channel:
    __slots__ = ("messages", "touched", "wakeup")

    def __init__(self) -> None:
        self.messages: deque[Message] = deque()
        self.wakeup = asyncio.Event()
        self.touched = time.monotonic()


class InMemoryEventStreams(EventStreams):
    """Channels held in this process, for the embedded single-process server."""

    def __init__(self) -> None:
        self._channels: dict[str, _Channel] = {}

    def _channel(self, name: str) -> _Channel:
        channel = self._channels.get(name)
        if channel is None:
            channel = self._channels[name] = _Channel()
        channel.touched = time.monotonic()
        return channel

    async def publish(self, channel: str, message: Message) -> None:
        self.publish_soon(channel, message)

    def publish_soon(self, channel: str, message: Message) -> None:
        target = self._channel(channel)
        target.messages.append(message)
        target.wakeup.set()

    async def next(self, channel: str, timeout: float) -> Message | None:
        target = self._channel(channel)
        if not target.messages:
            target.wakeup.clear()
            try:
                await asyncio.wait_for(target.wakeup.wait(), timeout)
            except asyncio.TimeoutError:
                return None
        return target.messages.popleft() if target.messages else None

    def has_buffered(self, channel: str) -> bool:
        target = self._channels.get(channel)
        return bool(target and target.messages)

    async def discard(self, channel: str) -> None:
        self._channels.pop(channel, None)

    async def expire(self, idle_seconds: float) -> int:
        cutoff = time.monotonic() - idle_seconds
        stale = [name for name, ch in self._channels.items() if ch.touched < cutoff]
        for name in stale:
            del self._channels[name]
        return len(stale)

    def __len__(self) -> int:
        return len(self._channels)
