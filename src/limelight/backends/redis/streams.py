"""Event streams in Redis: a job's messages reach its client's reader on any process.

Each channel is a Redis stream (``XADD``), so messages keep their order and wait for a
reader that has not connected yet, or has reconnected to another process: whatever was
published and not yet taken is there for the next ``take``, wherever it runs. ``take``
removes what it returns in one script (read the entries, trim the stream to nothing), so of
two readers of one channel each message reaches one. A reader with nothing to take blocks
in ``XREAD`` from the stream's last id, so a message published in between still wakes it.

Bounds: a channel keeps at most ``max_backlog`` unread messages (older ones are trimmed,
``MAXLEN ~``), a channel untouched for ``idle_seconds`` is dropped by ``expire``, and every
stream key also carries a Redis expiry (``backstop_seconds``) so that nothing outlives a
deployment whose processes all stopped sweeping.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Callable
from typing import Any

from limelight.backends.redis.scripts import Client, Sweeper, millis
from limelight.protocol import Message
from limelight.server.http import dumps
from limelight.server.streams import EventStreams

__all__ = ["RedisEventStreams"]

_TAKE = """
local entries = redis.call('XRANGE', KEYS[1], '-', '+')
redis.call('ZADD', KEYS[2], ARGV[1], ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
if #entries > 0 then
  redis.call('XTRIM', KEYS[1], 'MAXLEN', 0)
  return {entries, ''}
end
local ok, info = pcall(redis.call, 'XINFO', 'STREAM', KEYS[1])
if ok then
  for i = 1, #info, 2 do
    if info[i] == 'last-generated-id' then return {entries, info[i + 1]} end
  end
end
return {entries, '0-0'}
"""
"""Take every entry of stream ``KEYS[1]`` and touch the channel in the index ``KEYS[2]``;
when there is none, return the id after which the next one will come."""

_FIELD = b"m"


class _PublishOrder:
    """Per-channel locks of this process, held only while a channel has publishers: a
    channel's ``publish`` calls reach Redis in the order they began (asyncio's lock is
    first come, first served and is taken without a pause when free)."""

    def __init__(self) -> None:
        self._locks: dict[str, tuple[asyncio.Lock, list[int]]] = {}

    def enter(self, channel: str) -> asyncio.Lock:
        entry = self._locks.get(channel)
        if entry is None:
            entry = self._locks[channel] = (asyncio.Lock(), [0])
        entry[1][0] += 1
        return entry[0]

    def leave(self, channel: str) -> None:
        entry = self._locks[channel]
        entry[1][0] -= 1
        if not entry[1][0]:
            del self._locks[channel]


class RedisEventStreams(EventStreams):
    """Channels in Redis, shared by every process of the app whose keys start with
    ``prefix``."""

    def __init__(
        self,
        client: Client,
        prefix: str,
        *,
        max_backlog: int = 10000,
        backstop_seconds: float = 86400.0,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._client = client
        self._prefix = f"{prefix}stream:"
        self._index = f"{prefix}streams"
        self.max_backlog = max_backlog
        self._backstop = millis(backstop_seconds)
        self._clock = clock
        self._take = client.register_script(_TAKE)
        self._sweeper = Sweeper(client, self._index, self._prefix)
        self._order = _PublishOrder()

    async def publish(self, channel: str, message: Message) -> None:
        key = self._prefix + channel
        # As the SSE writer encodes it: numpy values, sets and models as JSON, NaN as null.
        encoded = dumps(message)
        lock = self._order.enter(channel)
        try:
            async with lock, self._client.pipeline(transaction=False) as pipe:
                pipe.xadd(key, {_FIELD: encoded}, maxlen=self.max_backlog, approximate=True)
                pipe.pexpire(key, self._backstop)
                pipe.zadd(self._index, {channel: self._clock()})
                await pipe.execute()
        finally:
            self._order.leave(channel)

    async def take(self, channel: str, timeout: float) -> list[Message]:
        key = self._prefix + channel
        entries, last = await self._take_all(key, channel)
        if entries:
            return entries
        # Nothing waiting: block until an entry after ``last`` arrives, then take it (and
        # anything after it) with the script, which no other reader can interleave with.
        woke = await self._client.xread({key: last}, block=millis(timeout))
        if not woke:
            return []
        return (await self._take_all(key, channel))[0]

    async def _take_all(self, key: str, channel: str) -> tuple[list[Message], bytes]:
        found: Any = await self._take(
            keys=[key, self._index], args=[self._clock(), channel, self._backstop]
        )
        entries, last = found
        messages = [json.loads(fields[1]) for _, fields in entries]
        return messages, last

    async def buffered(self, channel: str) -> bool:
        return bool(await self._client.xlen(self._prefix + channel))

    async def discard(self, channel: str) -> None:
        async with self._client.pipeline(transaction=True) as pipe:
            pipe.delete(self._prefix + channel)
            pipe.zrem(self._index, channel)
            await pipe.execute()

    async def expire(self, idle_seconds: float) -> int:
        return len(await self._sweeper.members(f"({self._clock() - idle_seconds}"))
