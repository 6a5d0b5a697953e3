"""What the contract tests share: the implementations each contract runs over (a new
backend adds its factory to these lists), a clock moved by hand, and helpers."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

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


# The implementations each contract runs over: a new backend adds its factory here.
STREAMS: list[Callable[[], EventStreams]] = [InMemoryEventStreams]
QUEUES: list[Callable[[EventStreams, int | None], JobQueue]] = [
    lambda streams, max_size: InMemoryQueue(streams, max_size=max_size)
]


SESSIONS: list[Callable[..., SessionStore]] = [InMemorySessionStore, PicklingSessionStore]
FILE_STORES: list[Callable[[Path], FileStore]] = [LocalFileStore, s3_store]
# Services whose answers depend on time take the test's clock; their factories take the
# clock and the service's time setting (a token's life, the limiter's window).
TOKEN_STORES: list[Callable[[Clock, float], TokenStore]] = [
    lambda clock, ttl: InMemoryTokenStore(ttl, clock=clock)
]
LIMITERS: list[Callable[[Clock, int, float], LoginLimiter]] = [
    lambda clock, limit, window: InMemoryLoginLimiter(limit, window, clock=clock)
]
UPLOAD_PROGRESS: list[Callable[[Clock], UploadProgress]] = [
    lambda clock: InMemoryUploadProgress(clock=clock)
]
DURATIONS: list[Callable[[], Durations]] = [InMemoryDurations]

TOKEN_TTL = 3600.0
LIMIT, WINDOW = 3, 60.0
