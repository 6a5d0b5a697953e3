"""Media stream chunks in Redis: the browser's chunks reach the job's process, whichever
process the chunk was posted to.

Each open stream is a Redis list holding at most the newest unread chunk (a push replaces
what is there, as in memory) and a flag saying the stream is open. The process running the
job reads the list from a task of its own (``BLPOP``) into a local ``ChunkFeed``, so the job
sees chunks and the browser's ``close`` as soon as they arrive, as with the in-memory feeds.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from typing import Any

from redis.exceptions import RedisError

from limelight.backends.redis.scripts import Client, millis
from limelight.server.chunks import ChunkFeed, ChunkFeeds

__all__ = ["RedisChunkFeeds"]

_log = logging.getLogger("limelight")
_CLOSED = b"closed"
"""What ``close`` pushes: never a chunk, which is a JSON array."""
_WAIT = 30.0
"""Seconds each ``BLPOP`` of a reader waits before it asks again."""


class RedisChunkFeeds(ChunkFeeds):
    """Feeds shared through Redis under ``prefix``; a stream's keys expire in Redis after
    ``backstop_seconds`` without a chunk."""

    def __init__(self, client: Client, prefix: str, *, backstop_seconds: float = 3600.0) -> None:
        self._client = client
        self._chunks = f"{prefix}feed:"
        self._open = f"{prefix}feed-open:"
        self._backstop = millis(backstop_seconds)
        self._readers: dict[str, tuple[ChunkFeed, asyncio.Task[None]]] = {}

    async def open(self, event_id: str) -> None:
        await self._client.set(self._open + event_id, b"1", px=self._backstop)

    async def is_open(self, event_id: str) -> bool:
        return bool(await self._client.exists(self._open + event_id))

    async def push(self, event_id: str, data: list[Any]) -> None:
        await self._replace(event_id, json.dumps(data, separators=(",", ":")).encode())

    async def close(self, event_id: str) -> None:
        await self._replace(event_id, _CLOSED)

    async def _replace(self, event_id: str, item: bytes) -> None:
        key = self._chunks + event_id
        async with self._client.pipeline(transaction=True) as pipe:
            pipe.delete(key)
            pipe.rpush(key, item)
            pipe.pexpire(key, self._backstop)
            pipe.pexpire(self._open + event_id, self._backstop)
            await pipe.execute()

    def feed(self, event_id: str) -> ChunkFeed:
        reader = self._readers.get(event_id)
        if reader is None:
            local = ChunkFeed()
            task = asyncio.get_running_loop().create_task(self._read(event_id, local))
            reader = self._readers[event_id] = (local, task)
        return reader[0]

    async def _read(self, event_id: str, local: ChunkFeed) -> None:
        """Move the stream's chunks from Redis into ``local`` until the browser closes it."""
        key = self._chunks + event_id
        while True:
            try:
                popped = await self._client.blpop([key], timeout=_WAIT)
            except RedisError as exc:
                # Redis is gone: end the job as if the browser had stopped, rather than
                # leave it waiting for chunks that cannot come.
                _log.warning("media stream %s ends: Redis failed (%s)", event_id, exc)
                local.close()
                return
            if popped is None:
                continue
            item = popped[1]
            if item == _CLOSED:
                local.close()
                return
            local.push(json.loads(item))

    async def discard(self, event_id: str) -> None:
        reader = self._readers.pop(event_id, None)
        if reader is not None:
            await _stop(reader[1])
        await self._client.delete(self._chunks + event_id, self._open + event_id)

    async def stop(self) -> None:
        """Stop this process's readers (the server is stopping; its jobs were cancelled)."""
        readers, self._readers = self._readers, {}
        for _, task in readers.values():
            await _stop(task)


async def _stop(task: asyncio.Task[None]) -> None:
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task
