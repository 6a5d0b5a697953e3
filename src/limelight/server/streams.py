"""Event streams: where a job's messages wait until its client reads them.

A *channel* is usually a session hash (the browser and ``gradio_client`` read one stream
per session) or a per-call name for the REST ``call`` API. Messages published before the
reader connects are kept, so a reader that joins late misses nothing.
"""

from __future__ import annotations

import asyncio
import time
from abc import ABC, abstractmethod

from limelight.protocol import Message

__all__ = ["EventStreams", "InMemoryEventStreams"]


class EventStreams(ABC):
    """Per-channel message buffers with one reader each."""

    @abstractmethod
    async def publish(self, channel: str, message: Message) -> None:
        """Append ``message`` to ``channel``, waking its reader. Messages published to one
        channel are read in the order their ``publish`` calls began."""

    @abstractmethod
    async def take(self, channel: str, timeout: float) -> list[Message]:
        """Every message waiting in the channel, in order, waiting up to ``timeout``
        seconds for the first one (empty if none came). Readers write what they take
        at once: a burst of messages costs one socket write."""

    @abstractmethod
    async def buffered(self, channel: str) -> bool:
        """Whether ``channel`` holds messages not yet read."""

    @abstractmethod
    async def discard(self, channel: str) -> None:
        """Forget ``channel`` and anything still in it."""

    @abstractmethod
    async def expire(self, idle_seconds: float) -> int:
        """Drop channels untouched for ``idle_seconds``; returns how many were dropped."""


class _Channel:
    __slots__ = ("messages", "touched", "waiter")

    def __init__(self) -> None:
        self.messages: list[Message] = []
        self.waiter: asyncio.Future[None] | None = None
        """The reader's, while it waits for a message."""
        self.touched = time.monotonic()


def _wake(waiter: asyncio.Future[None]) -> None:
    if not waiter.done():
        waiter.set_result(None)


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
        # Appended before the first await, so the order of messages is the order in
        # which their publish calls began, even from tasks scheduled one after another.
        target = self._channel(channel)
        target.messages.append(message)
        if target.waiter is not None:
            _wake(target.waiter)

    async def take(self, channel: str, timeout: float) -> list[Message]:
        target = self._channel(channel)
        if not target.messages:
            # A bare future and timer: asyncio.wait_for would start a task per wait.
            loop = asyncio.get_running_loop()
            waiter = target.waiter = loop.create_future()
            timer = loop.call_later(timeout, _wake, waiter)
            try:
                await waiter
            finally:
                timer.cancel()
                target.waiter = None
        taken, target.messages = target.messages, []
        return taken

    async def buffered(self, channel: str) -> bool:
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
