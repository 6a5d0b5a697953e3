"""What the Redis services share: the client type, Lua scripts run atomically in Redis,
and the sweep of an index of keys by last use (the expiry every service does)."""

from __future__ import annotations

from typing import Any

from redis.asyncio import Redis
from redis.commands.core import AsyncScript

__all__ = ["SWEEP", "Client", "Sweeper", "millis"]

Client = Redis
"""The asyncio Redis client every service takes (``decode_responses=False``: values are
bytes; keys are ``str``)."""

SWEEP = """
local members = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
local gone = {}
for _, member in ipairs(members) do
  if redis.call('ZREM', KEYS[1], member) == 1 then
    redis.call('DEL', ARGV[2] .. member)
    table.insert(gone, member)
  end
end
return gone
"""
"""Removes the members of the index ``KEYS[1]`` whose score is within the bound ``ARGV[1]``
and the keys ``ARGV[2] .. member`` they stand for; returns the members. One script, so a key
used again between the look-up and the delete is never half removed, and of several
processes sweeping at once each removal is counted by one."""


def millis(seconds: float) -> int:
    """``seconds`` as the whole milliseconds Redis takes, at least 1 (0 means "forever" to
    the blocking commands)."""
    return max(1, int(seconds * 1000))


class Sweeper:
    """The ``SWEEP`` script bound to one index (a sorted set of names by last use)."""

    def __init__(self, client: Client, index: str, prefix: str) -> None:
        self._script: AsyncScript = client.register_script(SWEEP)
        self.index = index
        self.prefix = prefix

    async def members(self, cutoff: str) -> list[bytes]:
        """Sweep entries whose score is within ``cutoff`` (a Redis score bound: ``"12.5"``
        for at or before, ``"(12.5"`` for strictly before); returns their names."""
        found: Any = await self._script(keys=[self.index], args=[cutoff, self.prefix])
        return list(found)
