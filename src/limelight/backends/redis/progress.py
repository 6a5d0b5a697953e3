"""Upload progress and event durations in Redis: an upload's progress stream may be read
on another process than the one receiving it, and queue estimates use the durations every
process measured."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from limelight.backends.redis.scripts import Client, Sweeper, millis
from limelight.server.durations import Durations
from limelight.server.upload_progress import UploadProgress, UploadState

__all__ = ["RedisDurations", "RedisUploadProgress"]

_UPDATE = """
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('HINCRBY', KEYS[1], 'received', ARGV[1])
if ARGV[2] == '1' then redis.call('HSET', KEYS[1], 'done', 1) end
redis.call('PEXPIRE', KEYS[1], ARGV[3])
redis.call('ZADD', KEYS[2], ARGV[4], ARGV[5])
return 1
"""
"""Count ``ARGV[1]`` more bytes (and with ``ARGV[2] == '1'`` mark it done) of the upload
``KEYS[1]`` if it was started; an unknown upload stays unknown."""


class RedisUploadProgress(UploadProgress):
    """Each upload a Redis hash (bytes received, total, done) under ``prefix``, and an
    index of uploads by last update for ``expire``. Keys also expire in Redis after
    ``backstop_seconds`` without an update."""

    def __init__(
        self,
        client: Client,
        prefix: str,
        *,
        backstop_seconds: float = 3600.0,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.clock = clock
        self._client = client
        self._prefix = f"{prefix}upload:"
        self._index = f"{prefix}uploads"
        self._backstop = millis(backstop_seconds)
        self._update = client.register_script(_UPDATE)
        self._sweeper = Sweeper(client, self._index, self._prefix)

    async def start(self, upload_id: str, total: int | None) -> None:
        key = self._prefix + upload_id
        async with self._client.pipeline(transaction=True) as pipe:
            pipe.delete(key)
            pipe.hset(key, mapping={"received": 0, "total": -1 if total is None else total})
            pipe.pexpire(key, self._backstop)
            pipe.zadd(self._index, {upload_id: self.clock()})
            await pipe.execute()

    async def add(self, upload_id: str, count: int) -> None:
        await self._change(upload_id, count, done=False)

    async def finish(self, upload_id: str) -> None:
        await self._change(upload_id, 0, done=True)

    async def _change(self, upload_id: str, count: int, *, done: bool) -> None:
        await self._update(
            keys=[self._prefix + upload_id, self._index],
            args=[count, "1" if done else "0", self._backstop, self.clock(), upload_id],
        )

    async def get(self, upload_id: str) -> UploadState | None:
        received, total, done = await self._client.hmget(
            self._prefix + upload_id, ["received", "total", "done"]
        )
        if received is None or total is None:
            return None
        size = int(total)
        return UploadState(int(received), None if size < 0 else size, done is not None)

    async def forget(self, upload_id: str) -> None:
        async with self._client.pipeline(transaction=True) as pipe:
            pipe.delete(self._prefix + upload_id)
            pipe.zrem(self._index, upload_id)
            await pipe.execute()

    async def expire(self, max_age: float) -> int:
        return len(await self._sweeper.members(f"({self.clock() - max_age}"))


class RedisDurations(Durations):
    """The total and count of each event's run times in a Redis hash under ``prefix``.
    ``mean`` answers synchronously from the means this process last read, which every
    ``add`` (and ``refresh``) brings up to date for all events at once."""

    def __init__(
        self, client: Client, prefix: str, *, backstop_seconds: float = 7 * 86400.0
    ) -> None:
        self._client = client
        self._key = f"{prefix}durations"
        self._backstop = millis(backstop_seconds)
        self._means: dict[int, float] = {}

    async def add(self, fn_index: int, duration: float) -> float:
        async with self._client.pipeline(transaction=True) as pipe:
            pipe.hincrbyfloat(self._key, f"{fn_index}:total", duration)
            pipe.hincrby(self._key, f"{fn_index}:count", 1)
            pipe.pexpire(self._key, self._backstop)
            pipe.hgetall(self._key)
            *_, stats = await pipe.execute()
        self._learn(stats)
        return self._means[fn_index]

    async def refresh(self) -> None:
        """Read every event's mean, as the app's processes have measured them."""
        self._learn(await self._client.hgetall(self._key))

    def _learn(self, stats: dict[Any, Any]) -> None:
        totals: dict[int, float] = {}
        counts: dict[int, int] = {}
        for field, value in stats.items():
            fn_index, kind = field.decode().split(":")
            if kind == "total":
                totals[int(fn_index)] = float(value)
            else:
                counts[int(fn_index)] = int(value)
        self._means = {
            fn: totals[fn] / count for fn, count in counts.items() if count and fn in totals
        }

    def mean(self, fn_index: int) -> float | None:
        return self._means.get(fn_index)
