"""The services one running app uses, created when the server starts.

Routes reach them through ``request.app.state.services``. Each service is chosen here:
the embedded defaults are in-memory; a scaled-out deployment passes other implementations.
"""

from __future__ import annotations

import asyncio
import contextlib
from dataclasses import dataclass, field

import anyio

from ..blocks_base import BlocksBase
from .jobs import Job
from .queue import InMemoryQueue, JobQueue
from .sessions import InMemorySessionStore, SessionStore
from .streams import EventStreams, InMemoryEventStreams
from .worker import JobRunner

__all__ = ["ServerSettings", "Services"]

JANITOR_INTERVAL = 60.0
IDLE_CHANNEL_SECONDS = 600.0


@dataclass
class ServerSettings:
    """Launch options the routes need."""

    show_error: bool = False
    max_threads: int = 40
    heartbeat_interval: float = 15.0
    loopback_only: bool = True
    """Bound to a loopback address: browsers may only call from loopback origins."""
    allowed_origins: list[str] = field(default_factory=list)


class Services:
    """The queue, session store and event streams of one app."""

    def __init__(
        self,
        app: BlocksBase,
        settings: ServerSettings | None = None,
        *,
        streams: EventStreams | None = None,
        sessions: SessionStore | None = None,
    ) -> None:
        self.app = app
        self.blocks = app.blocks
        """Every block by id, as the app stood when the server was created."""
        self.settings = settings or ServerSettings()
        self.streams = streams or InMemoryEventStreams()
        self.sessions = sessions or InMemorySessionStore()
        self._queue: JobQueue | None = None
        self._janitor: asyncio.Task[None] | None = None

    @property
    def queue(self) -> JobQueue:
        """The running queue (available once the server has started)."""
        if self._queue is None:
            raise RuntimeError("the server has not started")
        return self._queue

    def show_error(self) -> bool:
        """Whether exception messages reach clients (``launch(show_error=True)``)."""
        return self.settings.show_error or self.app.show_error

    async def start(self) -> None:
        """Create the queue on the running loop and start housekeeping."""
        self.runner = JobRunner(
            self.streams,
            self.sessions,
            self.show_error,
            anyio.CapacityLimiter(self.settings.max_threads),
        )
        self._queue = InMemoryQueue(
            self.runner,
            self.streams,
            self._limit_of,
            max_size=self.app.queue_settings.max_size,
            eta_of=self._eta_of,
        )
        self._janitor = asyncio.get_running_loop().create_task(self._housekeeping())

    def _limit_of(self, job: Job) -> int | None:
        return self.app.concurrency_limit_of(job.dependency)

    def _eta_of(self, job: Job, rank: int) -> float | None:
        """Seconds until the job at ``rank`` may start: the ranks ahead of it, run as
        many at a time as the limit allows, at the event's mean duration so far."""
        mean = self.runner.durations.mean(job.dependency.id)
        if mean is None:
            return None
        limit = self._limit_of(job) or rank + 1
        return (rank // limit + 1) * mean

    async def _housekeeping(self) -> None:
        while True:
            await asyncio.sleep(JANITOR_INTERVAL)
            states = self.app.state_components()
            for session in await self.sessions.expire():
                session.close(states)
            await self.streams.expire(IDLE_CHANNEL_SECONDS)

    async def stop(self) -> None:
        """Cancel running jobs and housekeeping."""
        if self._janitor is not None:
            self._janitor.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._janitor
        if self._queue is not None:
            await self._queue.close()
