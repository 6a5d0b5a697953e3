"""Running a job: its messages on the event stream, from ``process_starts`` to the end.

The final message (completed, failed or cancelled) is returned, not published, so the
queue can publish it after the job stops counting as pending.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from concurrent.futures import Executor
from contextlib import aclosing
from dataclasses import dataclass
from typing import Any

import anyio

from limelight._reporting import Reporter, reporting_to, reset
from limelight.app.diff import diff
from limelight.app.execution import CallContext, run_batch, run_dependency
from limelight.app.session_data import SessionData
from limelight.app.table_windows import page_outputs
from limelight.core.block import Block
from limelight.core.dependency import Dependency
from limelight.exceptions import Error
from limelight.files.access import FileAccess
from limelight.files.processing import FileContext
from limelight.protocol import (
    Message,
    cancelled,
    output,
    process_completed,
    process_generating,
    process_starts,
)
from limelight.request import Request
from limelight.server.chunks import ChunkFeed
from limelight.server.durations import Durations
from limelight.server.jobs import Job, RunRecord
from limelight.server.outbox import Outbox
from limelight.server.sessions import SessionStore
from limelight.server.streams import EventStreams

__all__ = ["JobRunner", "Outcome", "direct_job", "error_output"]

log = logging.getLogger("limelight")

STREAM_IDLE_SECONDS = 30.0
"""A media stream that sends no chunk for this long is over (the browser went away)."""

HIDDEN_ERROR = None
"""``output.error`` when an exception's text is not shown (clients print a generic hint)."""


def error_output(exc: BaseException, show_error: bool) -> dict[str, Any]:
    """The ``output`` of a failed completion: ``gr.Error`` always shows its message."""
    if isinstance(exc, Error):
        return {
            "error": exc.message,
            "duration": exc.duration,
            "visible": exc.visible,
            "title": exc.title,
        }
    if show_error:
        return {"error": str(exc) or type(exc).__name__, "visible": True}
    return {"error": HIDDEN_ERROR}


@dataclass(slots=True)
class DirectRecord:
    """The record of a job run at once: no event id or stream (the caller answers with the
    outcome), and nothing to serialise, so a plain object rather than a ``JobRecord``."""

    fn_index: int
    session_hash: str
    data: list[Any]
    event_data: Any
    root_url: str
    event_id: str = ""
    channel: str = ""
    diffs: bool = False
    ephemeral: bool = False
    windows: bool = False


def direct_job(
    dep: Dependency,
    data: list[Any],
    *,
    session_hash: str,
    session: SessionData,
    request: Request | None,
    root_url: str,
    event_data: Any = None,
    trigger: Block | None = None,
    windows: bool = False,
) -> Job:
    """A job for ``JobRunner.run_now``: an event run at once, its session loaded already."""
    record = DirectRecord(dep.id, session_hash, data, event_data, root_url, windows=windows)
    return Job(record, dep, trigger, request, session=session)


@dataclass(slots=True)
class Outcome:
    """How one run of a dependency ended: its last output payloads, or the error."""

    ctx: CallContext
    last: list[Any] | None = None
    error: BaseException | None = None
    duration: float | None = None
    average: float | None = None
    """The dependency's mean duration so far, this run included."""

    def output(self) -> dict[str, Any]:
        """The run's ``output`` (payloads and timings), as a completion carries it."""
        return output(
            self.last if self.last is not None else [],
            duration=self.duration,
            average=self.average,
            changed_state_ids=self.ctx.changed_state_ids,
            render_config=self.ctx.render_config,
        )


class JobRunner:
    """Runs jobs for the queue, reporting through the event streams."""

    def __init__(
        self,
        streams: EventStreams,
        sessions: SessionStore,
        show_error: Callable[[], bool],
        executor: Executor,
        durations: Durations,
        files: FileAccess | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
        stream_idle_seconds: float = STREAM_IDLE_SECONDS,
    ) -> None:
        self.streams = streams
        self.sessions = sessions
        self.show_error = show_error
        self.executor = executor
        self.durations = durations
        """Where each run's duration is counted (once per run: a batch is one)."""
        self.files = files
        self.clock = clock
        """What durations and a media stream's processing time are measured with."""
        self.stream_idle_seconds = stream_idle_seconds
        """A media stream that sends no chunk for this long is over."""
        self._outboxes: dict[str, Outbox] = {}
        """The reports of the running jobs, by event id."""

    async def __call__(self, jobs: list[Job]) -> list[Message]:
        for job in jobs:
            await self.streams.publish(job.channel, process_starts(job.event_id))
        # A batch's function serves several events at once: its reports reach none of them.
        outbox = Outbox(self.streams, jobs[0].channel, jobs[0].event_id) if len(jobs) == 1 else None
        if outbox is not None:
            self._outboxes[jobs[0].event_id] = outbox
        try:
            outcomes = await self.execute(jobs, outbox.report if outbox is not None else None)
        except asyncio.CancelledError:
            return [cancelled(job.event_id) for job in jobs]
        finally:
            if outbox is not None:
                del self._outboxes[jobs[0].event_id]
                await outbox.flush()
        return [self.final(job, outcome) for job, outcome in zip(jobs, outcomes)]

    async def _send(self, job: Job, message: Message) -> None:
        """Publish one of ``job``'s own messages, after what its function reported first."""
        outbox = self._outboxes.get(job.event_id)
        if outbox is not None:
            await outbox.flush()
        await self.streams.publish(job.channel, message)

    async def run_now(self, job: Job) -> Outcome:
        """Run ``job`` at once, outside the queue (the ``run`` route, ``unload`` events):
        the same path as a queued job's, without messages on an event stream."""
        return (await self.execute([job], None))[0]

    def final(self, job: Job, outcome: Outcome) -> Message:
        """The message that ends ``job`` on its event stream."""
        if outcome.error is not None:
            return self.failed(job.record, outcome.error, job.dependency)
        return process_completed(
            job.event_id, outcome.output(), success=True, avg_time=outcome.average
        )

    async def execute(self, jobs: list[Job], reporter: Reporter | None) -> list[Outcome]:
        """Run ``jobs`` (one, or a batch of one dependency) with their sessions loaded and
        saved, ``reporter`` taking their logs and progress, and the dependency's time limit;
        raises ``CancelledError`` only when cancelled from outside."""
        sessions = []
        for job in jobs:  # a loop, not an async comprehension: one coroutine fewer per call
            session = job.session
            sessions.append(
                await self.sessions.load(job.session_hash) if session is None else session
            )
        ctxs = [self._context(job, session) for job, session in zip(jobs, sessions)]
        # A direct run has nothing to report to, and no reporter is current where it starts.
        token = reporting_to(reporter) if reporter is not None else None
        dep = jobs[0].dependency
        start = self.clock()
        scope: anyio.CancelScope | None = None
        # A media stream's time limit counts processing only; _streamed enforces it.
        limit = dep.time_limit if jobs[0].feed is None else None
        try:
            if limit is None:  # no cancel scope to enter and leave: most events have no limit
                results = await self._results(jobs, ctxs, start)
            else:
                with anyio.fail_after(limit) as scope:
                    results = await self._results(jobs, ctxs, start)
        except asyncio.CancelledError:
            raise
        except BaseException as exc:  # not just Exception: the job must still end with a message
            error = exc
            if scope is not None and scope.cancel_called and dep.time_limit is not None:
                error = Error(f"The event exceeded its time limit of {dep.time_limit:g} seconds.")
            return [Outcome(ctx, error=error) for ctx in ctxs]
        finally:
            if token is not None:
                reset(token)
            for job, session in zip(jobs, sessions):
                if job.session_hash:  # else the job had a session of its own, read by no one
                    await self._store(job, session)
        duration = self.clock() - start
        average = await self.durations.add(dep.id, duration)
        return [
            Outcome(ctx, last, duration=duration, average=average)
            for ctx, last in zip(ctxs, results)
        ]

    def _context(self, job: Job, session: SessionData) -> CallContext:
        record = job.record
        return CallContext(
            session=session,
            request=job.request,
            event_data=record.event_data,
            trigger=job.trigger,
            executor=self.executor,
            files=FileContext(
                self.files, record.root_url, link_missing_files=True, since=time.time()
            )
            if self.files
            else None,
        )

    async def _store(self, job: Job, session: SessionData) -> None:
        """Save the job's session, or drop it if it existed for this job alone."""
        if job.record.ephemeral:
            await self.sessions.delete(job.session_hash)
        else:
            await self.sessions.commit(job.session_hash, session)

    async def _results(
        self, jobs: list[Job], ctxs: list[CallContext], start: float
    ) -> list[list[Any]]:
        """Each job's last output payloads."""
        dep, feed = jobs[0].dependency, jobs[0].feed
        if dep.batch:
            results = await run_batch(dep, [job.data for job in jobs], ctxs)
            return [_shown(job, payloads) for job, payloads in zip(jobs, results)]
        if feed is not None:
            return [_shown(jobs[0], await self._streamed(jobs[0], feed, ctxs[0]))]
        return [await self._outputs(jobs[0], ctxs[0], start)]

    def failed(self, record: RunRecord, exc: BaseException, what: object = None) -> Message:
        """The final message of a job that failed with ``exc`` (logged unless a ``gr.Error``
        asks not to be); ``what`` names the failing dependency in the log."""
        if not isinstance(exc, Error) or exc.print_exception:
            log.error(
                "Error in %r%s",
                what if what is not None else f"event {record.fn_index}",
                f" (event {record.event_id})" if record.event_id else "",
                exc_info=(type(exc), exc, exc.__traceback__),
            )
        failure = error_output(exc, self.show_error())
        return process_completed(
            record.event_id, failure, success=False, title=failure.get("title")
        )

    async def _outputs(self, job: Job, ctx: CallContext, start: float) -> list[Any]:
        dep = job.dependency
        last: list[Any] | None = None
        async with aclosing(run_dependency(dep, job.data, ctx)) as results:
            async for payloads in results:
                payloads = _shown(job, payloads)
                if dep.is_generator and job.channel:
                    sent = payloads
                    if last is not None and job.record.diffs:
                        sent = [diff(old, new) for old, new in zip(last, payloads)]
                    duration = self.clock() - start
                    changed = ctx.changed_state_ids
                    await self._send(
                        job,
                        process_generating(
                            job.event_id,
                            output(
                                sent, generating=True, duration=duration, changed_state_ids=changed
                            ),
                            dep.time_limit,
                        ),
                    )
                last = payloads
        return last if last is not None else [None] * len(dep.outputs)

    async def _streamed(self, job: Job, feed: ChunkFeed, ctx: CallContext) -> list[Any]:
        """Run a ``stream`` event once per chunk until the browser stops, no chunk comes for
        ``stream_idle_seconds``, or processing has used up the time limit. Every output but
        the last goes out as ``process_streaming``; the last is the completion's."""
        dep = job.dependency
        data: list[Any] | None = job.data
        busy = 0.0
        last: list[Any] = [None] * len(dep.outputs)
        while data is not None:
            began = self.clock()
            ctx.changed_state_ids = []
            async with aclosing(run_dependency(dep, data, ctx)) as results:
                async for payloads in results:
                    last = payloads
            busy += self.clock() - began
            left = None if dep.time_limit is None else dep.time_limit - busy
            if feed.closed or (left is not None and left <= 0):
                break
            changed = ctx.changed_state_ids
            await self._send(
                job,
                process_generating(
                    job.event_id,
                    output(
                        _shown(job, last), generating=True, duration=busy, changed_state_ids=changed
                    ),
                    left,
                    streaming=True,
                ),
            )
            data = await feed.next(self.stream_idle_seconds)
        return last


def _shown(job: Job, payloads: list[Any]) -> list[Any]:
    """The payloads as ``job``'s client gets them: windows of big tables for the page."""
    return page_outputs(job.dependency.outputs, payloads) if job.record.windows else payloads
