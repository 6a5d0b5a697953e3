"""The queue: job records wait here for a slot in their concurrency group; workers claim them.

Each event has a concurrency group (its own, or a shared ``concurrency_id``) with a limit
on how many of its jobs run at once; jobs in a group start in arrival order, and a full
group never delays another group. Jobs of a ``batch=True`` event that wait together are
claimed together, up to ``max_batch_size``, as one call. Waiting jobs hear their new rank and
ETA (``estimation``) as the jobs ahead of them start.

The queue only admits, orders and hands out records; a worker (``server/workers.py``) claims
them, runs them and reports each batch finished. ``JobQueue`` is the interface a second
backend implements; ``InMemoryQueue`` is the embedded one.
"""

from __future__ import annotations

import asyncio
import itertools
from abc import ABC, abstractmethod
from collections import defaultdict, deque
from collections.abc import AsyncIterator, Callable

from limelight.protocol import Message, cancelled, estimation
from limelight.server.jobs import JobRecord
from limelight.server.streams import EventStreams

__all__ = ["InMemoryQueue", "JobQueue", "QueueFull"]

EtaOf = Callable[[JobRecord, int], "float | None"]
"""Expected seconds until a job waiting at a rank starts, if known."""

ESTIMATION_DELAY = 0.5
"""Seconds between rank updates sent to the jobs waiting in one group."""


class QueueFull(Exception):
    """The queue holds ``max_size`` waiting jobs already."""


class JobQueue(ABC):
    """Admits job records, hands them to workers within their group's limit, and cancels
    them on request."""

    @abstractmethod
    async def put(self, record: JobRecord) -> None:
        """Admit ``record``; raises ``QueueFull`` when no more may wait."""

    @abstractmethod
    async def claim(self) -> list[JobRecord]:
        """Wait for the next job whose group has a free slot and take it (with the jobs of
        its batch): they count as running until ``finish``."""

    @abstractmethod
    async def try_claim(self) -> list[JobRecord]:
        """Take the next job that may start now, as ``claim`` does, or nothing (an empty
        list) without waiting: a worker whose job just finished starts the next at once."""

    @abstractmethod
    async def finish(self, records: list[JobRecord]) -> list[JobRecord]:
        """A claimed batch stopped running: free its slot. Returns those of ``records`` not
        cancelled meanwhile (whose final message is still to be published)."""

    @abstractmethod
    async def cancel(self, event_id: str) -> bool:
        """Stop a waiting or running job; False if no such job is pending. A waiting job (or
        a running one in a batch with others) is dropped and its stream told so; a running
        job is announced on ``cancellations`` for its worker to stop."""

    @abstractmethod
    def cancellations(self) -> AsyncIterator[str]:
        """The event ids of running jobs to stop, as they are cancelled."""

    @abstractmethod
    async def find(self, event_id: str) -> JobRecord | None:
        """The waiting or running job with this event id, if any."""

    @abstractmethod
    async def pending(self, session_hash: str) -> int:
        """How many of the session's jobs are waiting or running."""

    @abstractmethod
    async def session_jobs(self, session_hash: str) -> list[str]:
        """The event ids of the session's waiting and running jobs."""

    @abstractmethod
    async def size(self) -> int:
        """How many jobs are waiting or running, over all sessions."""

    @abstractmethod
    async def close(self) -> None:
        """Drop everything waiting; the server is stopping."""


class _Group:
    def __init__(self) -> None:
        self.waiting: deque[JobRecord] = deque()
        self.running = 0
        self.announce: asyncio.TimerHandle | None = None
        self.announced = 0.0

    def ready(self) -> bool:
        """Whether the first waiting job may start (its limit is the group's)."""
        if not self.waiting:
            return False
        limit = self.waiting[0].limit
        return limit is None or self.running < limit


class InMemoryQueue(JobQueue):
    """A queue inside this process, for the embedded single-process server."""

    def __init__(
        self,
        streams: EventStreams,
        max_size: int | None = None,
        eta_of: EtaOf | None = None,
    ) -> None:
        self._streams = streams
        self._eta_of = eta_of
        self.max_size = max_size
        self._groups: dict[str, _Group] = {}
        self._jobs: dict[str, JobRecord] = {}
        # Claimed jobs, by event id: the size of the batch each runs in.
        self._running: dict[str, int] = {}
        self._by_session: dict[str, set[str]] = defaultdict(set)
        # Groups with a job that may start, in the order their first job arrived.
        self._ready: dict[str, int] = {}
        self._arrivals = itertools.count()
        self._wakeup: asyncio.Future[None] | None = None
        self._wake_scheduled = False
        self._cancelled: asyncio.Queue[str] = asyncio.Queue()
        # Rank announcements on their way out (kept so the loop does not drop the tasks).
        self._announcing: set[asyncio.Task[None]] = set()

    def waiting(self) -> int:
        """How many jobs wait, over all groups."""
        return sum(len(g.waiting) for g in self._groups.values())

    async def size(self) -> int:
        return len(self._jobs)

    def _estimation(self, record: JobRecord, rank: int, queue_size: int) -> Message:
        eta = self._eta_of(record, rank) if self._eta_of is not None else None
        return estimation(record.event_id, rank, queue_size, eta)

    async def put(self, record: JobRecord) -> None:
        if self.max_size is not None and self.waiting() >= self.max_size:
            raise QueueFull(f"The queue is full ({self.max_size} waiting).")
        group = self._groups.get(record.group)
        if group is None:
            group = self._groups[record.group] = _Group()
        group.waiting.append(record)
        self._jobs[record.event_id] = record
        self._by_session[record.session_hash].add(record.event_id)
        # Jobs ahead of this one that take a free slot start as soon as a worker claims them:
        # they are not ahead in the line.
        limit = group.waiting[0].limit
        free = len(group.waiting) if limit is None else max(0, limit - group.running)
        rank = max(0, len(group.waiting) - 1 - free)
        await self._streams.publish(record.channel, self._estimation(record, rank, rank + 1))
        self._mark_ready(record.group)

    def _mark_ready(self, name: str) -> None:
        if name not in self._ready and self._groups[name].ready():
            self._ready[name] = next(self._arrivals)
            if self._wakeup is not None and not self._wake_scheduled:
                # Woken on the loop's next turn, not now: whoever made the group ready
                # (admitting a job, finishing one) usually starts it at once with
                # ``try_claim``, and then the waiting claimer need not wake at all.
                self._wake_scheduled = True
                asyncio.get_running_loop().call_soon(self._wake)

    def _wake(self) -> None:
        self._wake_scheduled = False
        if self._ready and self._wakeup is not None and not self._wakeup.done():
            self._wakeup.set_result(None)

    async def claim(self) -> list[JobRecord]:
        while not self._ready:
            self._wakeup = asyncio.get_running_loop().create_future()
            try:
                await self._wakeup
            finally:
                self._wakeup = None
        return self._take()

    async def try_claim(self) -> list[JobRecord]:
        return self._take() if self._ready else []

    def _take(self) -> list[JobRecord]:
        """The first ready group's next batch, now counted as running."""
        name = min(self._ready, key=self._ready.__getitem__)
        del self._ready[name]
        group = self._groups[name]
        batch = self._take_batch(group)
        group.running += 1
        for record in batch:
            self._running[record.event_id] = len(batch)
        self._mark_ready(name)
        if group.waiting and group.announce is None:
            self._schedule_announce(name, group)
        return batch

    @staticmethod
    def _take_batch(group: _Group) -> list[JobRecord]:
        first = group.waiting.popleft()
        batch = [first]
        if first.batch is not None:
            for record in list(group.waiting):
                if len(batch) >= first.max_batch_size:
                    break
                if record.batch == first.batch:
                    group.waiting.remove(record)
                    batch.append(record)
        return batch

    def _schedule_announce(self, name: str, group: _Group) -> None:
        loop = asyncio.get_running_loop()
        wait = group.announced + ESTIMATION_DELAY - loop.time()
        if wait <= 0:
            self._announce(name)
        else:
            group.announce = loop.call_later(wait, self._announce, name)

    def _announce(self, name: str) -> None:
        """Tell every job still waiting in the group its new rank (from a timer: the
        messages go out from a task of their own)."""
        group = self._groups[name]
        group.announce = None
        loop = asyncio.get_running_loop()
        group.announced = loop.time()
        size = len(group.waiting)
        ranks = [
            (record.channel, self._estimation(record, rank, size))
            for rank, record in enumerate(group.waiting)
        ]
        task = loop.create_task(self._publish_all(ranks))
        self._announcing.add(task)
        task.add_done_callback(self._announcing.discard)

    async def _publish_all(self, messages: list[tuple[str, Message]]) -> None:
        for channel, message in messages:
            await self._streams.publish(channel, message)

    async def finish(self, records: list[JobRecord]) -> list[JobRecord]:
        group = self._groups[records[0].group]
        group.running -= 1
        live = [record for record in records if record.event_id in self._jobs]
        for record in records:
            self._forget(record)
        self._mark_ready(records[0].group)
        return live

    def _forget(self, record: JobRecord) -> None:
        self._jobs.pop(record.event_id, None)
        self._running.pop(record.event_id, None)
        ids = self._by_session.get(record.session_hash)
        if ids is not None:
            ids.discard(record.event_id)
            if not ids:
                del self._by_session[record.session_hash]

    async def cancel(self, event_id: str) -> bool:
        record = self._jobs.get(event_id)
        if record is None:
            return False
        batch_size = self._running.get(event_id)
        if batch_size == 1:
            await self._cancelled.put(event_id)
            return True
        if batch_size is None:
            group = self._groups[record.group]
            group.waiting.remove(record)
            if not group.waiting:
                self._ready.pop(record.group, None)
        self._forget(record)
        await self._streams.publish(record.channel, cancelled(event_id))
        return True

    async def cancellations(self) -> AsyncIterator[str]:
        while True:
            yield await self._cancelled.get()

    async def find(self, event_id: str) -> JobRecord | None:
        return self._jobs.get(event_id)

    async def pending(self, session_hash: str) -> int:
        return len(self._by_session.get(session_hash, ()))

    async def session_jobs(self, session_hash: str) -> list[str]:
        return list(self._by_session.get(session_hash, ()))

    async def close(self) -> None:
        for group in self._groups.values():
            group.waiting.clear()
            if group.announce is not None:
                group.announce.cancel()
        self._ready.clear()
