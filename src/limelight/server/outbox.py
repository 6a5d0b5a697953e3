"""What a running function reports (``gr.Info``, ``gr.Warning``, ``gr.Progress``) on its way to
the event's stream.

A function may report from a worker thread and publishing is a coroutine, so reports queue
here and a task publishes them in order. The runner flushes the outbox before each message
of its own (a generator's yield, the final message), so a report never arrives after what
followed it in the function.
"""

from __future__ import annotations

import asyncio
from collections import deque
from typing import Any

from limelight.protocol import Message
from limelight.server.streams import EventStreams

__all__ = ["Outbox"]


class Outbox:
    """The reports of one running job, published to ``channel`` in order."""

    def __init__(self, streams: EventStreams, channel: str, event_id: str) -> None:
        self._streams = streams
        self._channel = channel
        self._event_id = event_id
        self._loop = asyncio.get_running_loop()
        self._pending: deque[Message] = deque()
        self._lock = asyncio.Lock()
        self._flushing: asyncio.Task[None] | None = None

    def report(self, message: dict[str, Any]) -> None:
        """Queue ``message`` for the job's stream; safe from any thread (a ``Reporter``)."""
        message = {**message, "event_id": self._event_id}
        try:
            on_loop = asyncio.get_running_loop() is self._loop
        except RuntimeError:
            on_loop = False
        if on_loop:
            self._add(message)
        else:
            # Queued ahead of the thread's own completion, which the loop hears of later.
            self._loop.call_soon_threadsafe(self._add, message)

    def _add(self, message: Message) -> None:
        self._pending.append(message)
        if self._flushing is None:
            self._flushing = self._loop.create_task(self._flush_soon())

    async def _flush_soon(self) -> None:
        try:
            await self.flush()
        finally:
            self._flushing = None

    async def flush(self) -> None:
        """Publish every report queued so far, in order."""
        if not self._pending and not self._lock.locked():
            return  # the usual case: nothing reported since the last message
        async with self._lock:
            while self._pending:
                await self._streams.publish(self._channel, self._pending.popleft())
