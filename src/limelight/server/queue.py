"""The queue: jobs wait here for a slot in their concurrency group, then run.

Each event has a concurrency group (its own, or a shared ``concurrency_id``) with a limit
on how many of its jobs run at once; jobs in a group start in arrival order, and a full
group never delays another group. Jobs of a ``batch=True`` event that wait together start
together, up to ``max_batch_size``, as one call. Waiting jobs hear their new rank and ETA
(``estimation``) as the jobs ahead of them start.
"""

from __future__ import annotations

import asyncio
from abc import ABC, abstractmethod
from collections import defaultdict, deque
from collections.abc import Awaitable, Callable

from limelight.server.jobs import Job
from limelight.server.streams import EventStreams, Message

__all__ = ["InMemoryQueue", "JobQueue", "QueueFull", "cancelled_message"]

Runner = Callable[[list[Job]], Awaitable[list[Message]]]
"""Runs jobs (several for a batch), publishing their progress, and returns each job's final
message, in order (never raises)."""
LimitOf = Callable[[Job], "int | None"]
EtaOf = Callable[[Job, int], "float | None"]
"""Expected seconds until a job waiting at a rank starts, if known."""

ESTIMATION_DELAY = 0.5
"""Seconds between rank updates sent to the jobs waiting in one group."""


class QueueFull(Exception):
    """The queue holds ``max_size`` waiting jobs already."""


class JobQueue(ABC):
    """Admits jobs, runs them within their group's limit, and cancels them on request."""

    @abstractmethod
    async def put(self, job: Job) -> None:
        """Admit ``job``; raises ``QueueFull`` when no more may wait."""

    @abstractmethod
    async def cancel(self, event_id: str) -> bool:
        """Stop a waiting or running job; False if no such job is pending."""

    @abstractmethod
    def find(self, event_id: str) -> Job | None:
        """The waiting or running job with this event id, if any."""

    @abstractmethod
    def pending(self, session_hash: str) -> int:
        """How many of the session's jobs are waiting or running."""

    @abstractmethod
    def session_jobs(self, session_hash: str) -> list[str]:
        """The event ids of the session's waiting and running jobs."""

    @abstractmethod
    def size(self) -> int:
        """How many jobs are waiting or running, over all sessions."""

    @abstractmethod
    async def close(self) -> None:
        """Cancel everything; the server is stopping."""


class _Group:
    def __init__(self) -> None:
        self.waiting: deque[Job] = deque()
        self.running = 0
        self.announce: asyncio.TimerHandle | None = None
        self.announced = 0.0


class InMemoryQueue(JobQueue):
    """A queue inside this process: jobs run as tasks on the server's event loop."""

    def __init__(
        self,
        runner: Runner,
        streams: EventStreams,
        limit_of: LimitOf,
        max_size: int | None = None,
        eta_of: EtaOf | None = None,
    ) -> None:
        self._runner = runner
        self._streams = streams
        self._limit_of = limit_of
        self._eta_of = eta_of
        self.max_size = max_size
        self._groups: dict[str, _Group] = {}
        self._jobs: dict[str, Job] = {}
        self._tasks: dict[str, asyncio.Task[None]] = {}
        self._batch_sizes: dict[str, int] = {}
        self._by_session: dict[str, set[str]] = defaultdict(set)

    def waiting(self) -> int:
        """How many jobs wait, over all groups."""
        return sum(len(g.waiting) for g in self._groups.values())

    def size(self) -> int:
        return len(self._jobs)

    def _estimation(self, job: Job, rank: int, queue_size: int) -> Message:
        eta = self._eta_of(job, rank) if self._eta_of is not None else None
        return {
            "msg": "estimation",
            "event_id": job.event_id,
            "rank": rank,
            "queue_size": queue_size,
            "rank_eta": eta,
        }

    async def put(self, job: Job) -> None:
        if self.max_size is not None and self.waiting() >= self.max_size:
            raise QueueFull(f"The queue is full ({self.max_size} waiting).")
        group = self._groups.setdefault(job.group, _Group())
        group.waiting.append(job)
        self._jobs[job.event_id] = job
        self._by_session[job.session_hash].add(job.event_id)
        size = len(group.waiting)
        await self._streams.publish(job.channel, self._estimation(job, size - 1, size))
        self._dispatch(job.group)

    def _take_batch(self, group: _Group) -> list[Job]:
        first = group.waiting.popleft()
        jobs = [first]
        dep = first.dependency
        if dep.batch:
            for job in list(group.waiting):
                if len(jobs) >= dep.max_batch_size:
                    break
                if job.dependency is dep:
                    group.waiting.remove(job)
                    jobs.append(job)
        return jobs

    def _dispatch(self, name: str) -> None:
        group = self._groups[name]
        started = False
        while group.waiting:
            limit = self._limit_of(group.waiting[0])
            if limit is not None and group.running >= limit:
                break
            jobs = self._take_batch(group)
            group.running += 1
            task = asyncio.get_running_loop().create_task(self._run(jobs, name))
            for job in jobs:
                self._tasks[job.event_id] = task
                self._batch_sizes[job.event_id] = len(jobs)
            started = True
        if started and group.waiting and group.announce is None:
            loop = asyncio.get_running_loop()
            wait = group.announced + ESTIMATION_DELAY - loop.time()
            if wait <= 0:
                self._announce(name)
            else:
                group.announce = loop.call_later(wait, self._announce, name)

    def _announce(self, name: str) -> None:
        """Tell every job still waiting in the group its new rank."""
        group = self._groups[name]
        group.announce = None
        group.announced = asyncio.get_running_loop().time()
        size = len(group.waiting)
        for rank, job in enumerate(group.waiting):
            self._streams.publish_soon(job.channel, self._estimation(job, rank, size))

    async def _run(self, jobs: list[Job], name: str) -> None:
        try:
            finals = await self._runner(jobs)
        finally:
            self._groups[name].running -= 1
            live = {job.event_id for job in jobs if job.event_id in self._jobs}
            for job in jobs:
                self._forget(job)
            self._dispatch(name)
        # Published only once the jobs are forgotten, so a reader that sees a final message
        # also sees the session's pending count without that job. A job cancelled out of a
        # batch has had its final message already.
        for job, final in zip(jobs, finals):
            if job.event_id in live:
                await self._streams.publish(job.channel, final)

    def _forget(self, job: Job) -> None:
        self._jobs.pop(job.event_id, None)
        self._tasks.pop(job.event_id, None)
        self._batch_sizes.pop(job.event_id, None)
        ids = self._by_session.get(job.session_hash)
        if ids is not None:
            ids.discard(job.event_id)
            if not ids:
                del self._by_session[job.session_hash]

    async def cancel(self, event_id: str) -> bool:
        job = self._jobs.get(event_id)
        if job is None:
            return False
        task = self._tasks.get(event_id)
        if task is not None and self._batch_sizes.get(event_id, 1) == 1:
            task.cancel()
            return True
        if task is None:
            self._groups[job.group].waiting.remove(job)
        self._forget(job)
        await self._streams.publish(job.channel, cancelled_message(event_id))
        return True

    def find(self, event_id: str) -> Job | None:
        return self._jobs.get(event_id)

    def pending(self, session_hash: str) -> int:
        return len(self._by_session.get(session_hash, ()))

    def session_jobs(self, session_hash: str) -> list[str]:
        return list(self._by_session.get(session_hash, ()))

    async def close(self) -> None:
        tasks = set(self._tasks.values())
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        for group in self._groups.values():
            group.waiting.clear()
            if group.announce is not None:
                group.announce.cancel()


def cancelled_message(event_id: str) -> Message:
    """What a cancelled event's stream receives: a completion with an empty output."""
    return {
        "msg": "process_completed",
        "event_id": event_id,
        "output": {},
        "success": True,
        "title": None,
        "used_cache": None,
        "cache_duration": None,
        "avg_time": None,
    }
