"""What the contract tests share: the implementations each contract runs over (a new
backend adds its factory to these lists), a clock moved by hand, and helpers."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path
from typing import Any

from redis.asyncio import Redis

from limelight.backends.redis.logins import RedisLoginLimiter, RedisTokenStore
from limelight.backends.redis.progress import RedisDurations, RedisUploadProgress
from limelight.backends.redis.queue import RedisQueue
from limelight.backends.redis.sessions import RedisSessionStore
from limelight.backends.redis.streams import RedisEventStreams
from limelight.files.local import LocalFileStore
from limelight.files.store import FileStore
from limelight.server.durations import Durations, InMemoryDurations
from limelight.server.jobs import JobRecord
from limelight.server.logins import (
    InMemoryLoginLimiter,
    InMemoryTokenStore,
    LoginLimiter,
    TokenStore,
)
from limelight.server.queue import InMemoryQueue, JobQueue
from limelight.server.sessions import (
    InMemorySessionStore,
    SessionStore,
)
from limelight.server.streams import EventStreams, InMemoryEventStreams
from limelight.server.upload_progress import InMemoryUploadProgress, UploadProgress
from tests.s3_support import s3_store
from tests.server.session_support import PicklingSessionStore


def record(
    event: str,
    *,
    group: str = "g",
    limit: int | None = 1,
    session: str = "s",
    batch: str | None = None,
    max_batch_size: int = 1,
) -> JobRecord:
    return JobRecord(
        event_id=event,
        fn_index=0,
        session_hash=session,
        channel=session,
        data=[event],
        group=group,
        limit=limit,
        batch=batch,
        max_batch_size=max_batch_size,
    )


async def claim_now(queue: JobQueue) -> list[str]:
    """The event ids of the next claim, which must be ready."""
    claimed = await asyncio.wait_for(queue.claim(), 2)
    return [r.event_id for r in claimed]


async def nothing_to_claim(queue: JobQueue) -> bool:
    """Whether a claim still waits after the loop has run everything ready."""
    waiter = asyncio.ensure_future(queue.claim())
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    done = waiter.done()
    waiter.cancel()
    await asyncio.gather(waiter, return_exceptions=True)
    return not done


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


class OnRedis:
    """A factory of a Redis implementation: called like the in-memory factories, it makes
    one on a client of the test's Redis (the contracts' conftest sets ``url`` from the
    ``redis_url`` fixture for the tests that use one) with a key prefix of the test's."""

    url: str | None = None
    clients: list[Redis] = []

    def __init__(self, make: Callable[..., Any], name: str) -> None:
        self.make = make
        self.name = name

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        assert OnRedis.url is not None, "a Redis factory runs only in a test given redis_url"
        client = Redis.from_url(OnRedis.url)
        OnRedis.clients.append(client)
        return self.make(client, "test:", *args, **kwargs)

    def __repr__(self) -> str:
        return self.name


# The implementations each contract runs over: a new backend adds its factory here.
STREAMS: list[Callable[[], EventStreams]] = [
    InMemoryEventStreams,
    OnRedis(RedisEventStreams, "RedisEventStreams"),
]
QUEUES: list[Callable[[EventStreams, int | None], JobQueue]] = [
    lambda streams, max_size: InMemoryQueue(streams, max_size=max_size),
    OnRedis(
        lambda client, prefix, streams, max_size: RedisQueue(
            client, prefix, streams, max_size=max_size
        ),
        "RedisQueue",
    ),
]


SESSIONS: list[Callable[..., SessionStore]] = [
    InMemorySessionStore,
    PicklingSessionStore,
    OnRedis(RedisSessionStore, "RedisSessionStore"),
]
FILE_STORES: list[Callable[[Path], FileStore]] = [LocalFileStore, s3_store]
# Services whose answers depend on time take the test's clock; their factories take the
# clock and the service's time setting (a token's life, the limiter's window).
TOKEN_STORES: list[Callable[[Clock, float], TokenStore]] = [
    lambda clock, ttl: InMemoryTokenStore(ttl, clock=clock),
    OnRedis(
        lambda client, prefix, clock, ttl: RedisTokenStore(client, prefix, ttl, clock=clock),
        "RedisTokenStore",
    ),
]
LIMITERS: list[Callable[[Clock, int, float], LoginLimiter]] = [
    lambda clock, limit, window: InMemoryLoginLimiter(limit, window, clock=clock),
    OnRedis(
        lambda client, prefix, clock, limit, window: RedisLoginLimiter(
            client, prefix, limit, window, clock=clock
        ),
        "RedisLoginLimiter",
    ),
]
UPLOAD_PROGRESS: list[Callable[[Clock], UploadProgress]] = [
    lambda clock: InMemoryUploadProgress(clock=clock),
    OnRedis(
        lambda client, prefix, clock: RedisUploadProgress(client, prefix, clock=clock),
        "RedisUploadProgress",
    ),
]
DURATIONS: list[Callable[[], Durations]] = [
    InMemoryDurations,
    OnRedis(RedisDurations, "RedisDurations"),
]

TOKEN_TTL = 3600.0
LIMIT, WINDOW = 3, 60.0
