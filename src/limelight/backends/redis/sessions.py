"""Sessions in Redis: every process of the app loads and saves each session's data there.

A session is two keys: its data as ``dump_session`` bytes and its version (the count of
saves). ``save`` is one script that compares the stored version with the one the data was
loaded at and writes only when they agree, so of two processes saving one session at once
one wins and the other gets ``SessionConflict``; ``commit`` (the interface's) then loads the
newer data, re-applies its own writes and saves again. Nothing is locked while an event runs.

Trust: the data is pickled (State values may be any Python object), and unpickling runs
code, so this store must live in a Redis that only the app's own processes can reach and
write (docs/security.md #41). Sessions idle for ``ttl`` seconds and the least recently used
beyond ``capacity`` are dropped by ``expire``, which returns them (their ``delete_callback``s
run); each key also has a Redis expiry of ``ttl`` plus a margin, in case no process sweeps.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from limelight.app.session_data import SessionData
from limelight.backends.redis.scripts import Client, millis
from limelight.server.sessions import SessionConflict, SessionStore, dump_session, load_session

__all__ = ["RedisSessionStore"]

BACKSTOP_MARGIN = 3600.0
"""Seconds a session's keys outlive its ``ttl`` in Redis: sweeps (every minute) come first."""

_SAVE = """
local stored = tonumber(redis.call('GET', KEYS[2]) or '0')
if stored ~= tonumber(ARGV[1]) then return stored end
redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
redis.call('SET', KEYS[2], stored + 1, 'PX', ARGV[3])
redis.call('ZADD', KEYS[3], ARGV[4], ARGV[5])
return -1
"""
"""Write the data ``KEYS[1]`` and bump the version ``KEYS[2]`` when it is still ``ARGV[1]``;
returns -1, or the stored version on a conflict."""

_EXPIRE = """
local gone = {}
local function drop(member)
  if redis.call('ZREM', KEYS[1], member) == 1 then
    local blob = redis.call('GET', ARGV[2] .. member)
    if blob then table.insert(gone, blob) end
    redis.call('DEL', ARGV[2] .. member, ARGV[3] .. member)
  end
end
local over = redis.call('ZCARD', KEYS[1]) - tonumber(ARGV[4])
if over > 0 then
  for _, member in ipairs(redis.call('ZRANGE', KEYS[1], 0, over - 1)) do drop(member) end
end
for _, member in ipairs(redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])) do
  drop(member)
end
return gone
"""
"""Drop the least recently used sessions beyond the capacity ``ARGV[4]``, then those last
used within the score bound ``ARGV[1]``; returns their data. One script, so each dropped
session is returned to one process."""


class RedisSessionStore(SessionStore):
    """Sessions in Redis under ``prefix``, shared by every process of the app."""

    def __init__(
        self,
        client: Client,
        prefix: str,
        ttl: float = 3600.0,
        capacity: int = 10000,
        *,
        clock: Callable[[], float] = time.time,
    ) -> None:
        if capacity < 1:
            raise ValueError(f"state_session_capacity must be at least 1, not {capacity}")
        self.ttl = ttl
        self.capacity = capacity
        self._client = client
        self._data = f"{prefix}session:"
        self._version = f"{prefix}session-version:"
        self._index = f"{prefix}sessions"
        self._backstop = millis(max(ttl, 0.0) + BACKSTOP_MARGIN)
        self._clock = clock
        self._save = client.register_script(_SAVE)
        self._expire = client.register_script(_EXPIRE)

    async def load(self, session_hash: str) -> SessionData:
        data_key, version_key = self._data + session_hash, self._version + session_hash
        async with self._client.pipeline(transaction=True) as pipe:
            pipe.get(data_key)
            pipe.get(version_key)
            pipe.zadd(self._index, {session_hash: self._clock()})
            pipe.pexpire(data_key, self._backstop)
            pipe.pexpire(version_key, self._backstop)
            blob, version, *_ = await pipe.execute()
        if blob is None:
            return SessionData()
        data = load_session(blob)
        # The version key is the one ``save`` compares with; the pickled copy may lag it.
        data.version = int(version or 0)
        return data

    async def save(self, session_hash: str, data: SessionData) -> None:
        loaded = data.version
        data.version = loaded + 1
        try:
            blob = dump_session(data)
        finally:
            data.version = loaded
        stored: Any = await self._save(
            keys=[self._data + session_hash, self._version + session_hash, self._index],
            args=[loaded, blob, self._backstop, self._clock(), session_hash],
        )
        if stored != -1:
            raise SessionConflict(session_hash, loaded, int(stored))
        data.version = loaded + 1

    async def delete(self, session_hash: str) -> None:
        async with self._client.pipeline(transaction=True) as pipe:
            pipe.delete(self._data + session_hash, self._version + session_hash)
            pipe.zrem(self._index, session_hash)
            await pipe.execute()

    async def expire(self) -> list[SessionData]:
        blobs: Any = await self._expire(
            keys=[self._index],
            args=[f"({self._clock() - self.ttl}", self._data, self._version, self.capacity],
        )
        return [load_session(blob) for blob in blobs]
