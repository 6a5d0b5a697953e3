"""The queue: jobs wait here for a slot in their concurrency group, then run.

Each event has a concurrency group (its own, or a shared ``concurrency_id``) with a limit
on how many of its jobs run at once; jobs in a group start in arrival order, and a full
group never delays another group.
"""

from __future__ import annotations

import asyncio
from abc import ABC, abstractmethod
from collections import defaultdict, deque
from collections.abc import Awaitable, Callable

from .jobs import Job
from .streams import EventStreams, Message

__all__ = ["InMemoryQueue", "JobQueue", "QueueFull", "cancelled_message"]

Runner = Callable[[Job], Awaitable[Message]]
"""Runs a job, publishing its progress, and returns its final message (never raises)."""
LimitOf = Callable[[Job], "int | None"]


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
    def pending(self, session_hash: str) -> int:
        """How many of the session's jobs are waiting or running."""

    @abstractmethod
    def session_jobs(self, session_hash: str) -> list[str]:
        """The event ids of the session's waiting and running jobs."""

    @abstractmethod
    async def close(self) -> None:
        """Cancel everything; the server is stopping."""


class _Group:
    def __init__(self) -> None:
        self.waiting: deque[Job] = deque()
        self.running = 0


class InMemoryQueue(JobQueue):
    """A queue inside this process: jobs run as tasks on the server's event loop."""

    def __init__(
        self,
        runner: Runner,
        streams: EventStreams,
        limit_of: LimitOf,
        max_size: int | None = None,
    ) -> None:
        self._runner = runner
        self._streams = streams
        self._limit_of = limit_of
        self.max_size = max_size
        self._groups: dict[str, _Group] = defaultdict(_Group)
        self._jobs: dict[str, Job] = {}
        self._tasks: dict[str, asyncio.Task[None]] = {}
        self._by_session: dict[str, set[str]] = defaultdict(set)

    def waiting(self) -> int:
        """How many jobs wait, over all groups."""
        return sum(len(g.waiting) for g in self._groups.values())

    async def put(self, job: Job) -> None:
        if self.max_size is not None and self.waiting() >= self.max_size:
            raise QueueFull(f"The queue is full ({self.max_size} waiting).")
        group = self._groups[job.group]
        group.waiting.append(job)
        self._jobs[job.event_id] = job
        self._by_session[job.session_hash].add(job.event_id)
        await self._streams.publish(
            job.channel,
            {
                "msg": "estimation",
                "event_id": job.event_id,
                "rank": len(group.waiting) - 1,
                "queue_size": len(group.waiting),
                "rank_eta": None,
            },
        )
        self._dispatch(job.group)

    def _dispatch(self, name: str) -> None:
        group = self._groups[name]
        while group.waiting:
            limit = self._limit_of(group.waiting[0])
            if limit is not None and group.running >= limit:
                return
            job = group.waiting.popleft()
            group.running += 1
            task = asyncio.get_running_loop().create_task(self._run(job, name))
            self._tasks[job.event_id] = task

    async def _run(self, job: Job, name: str) -> None:
        try:
            final = await self._runner(job)
        finally:
            self._groups[name].running -= 1
            self._forget(job)
            self._dispatch(name)
        # Published only once the job is forgotten, so a reader that sees it also sees
        # the session's pending count without this job.
        await self._streams.publish(job.channel, final)

    def _forget(self, job: Job) -> None:
        self._jobs.pop(job.event_id, None)
        self._tasks.pop(job.event_id, None)
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
        if task is not None:
            task.cancel()
            return True
        self._groups[job.group].waiting.remove(job)
        self._forget(job)
        await self._streams.publish(job.channel, cancelled_message(event_id))
        return True

    def pending(self, session_hash: str) -> int:
        return len(self._by_session.get(session_hash, ()))

    def session_jobs(self, session_hash: str) -> list[str]:
        return list(self._by_session.get(session_hash, ()))

    async def close(self) -> None:
        tasks = list(self._tasks.values())
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        for group in self._groups.values():
            group.waiting.clear()


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
