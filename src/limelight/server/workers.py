"""The worker loop: claims job records from the queue, runs them, and reports them done.

A worker finds what a record names in its own process (the dependency by ``fn_index``, in
the app or among what the session's renders made; the trigger block; the request from its
snapshot; the media feed) and hands the live jobs to the ``JobRunner``. Each claimed batch
runs as its own task, so the loop claims the next job at once; cancellations the queue
announces stop the task that runs the job.
"""

from __future__ import annotations

import asyncio
import logging

from limelight.app.blocks_base import BlocksBase
from limelight.app.render import restore_render
from limelight.core.block import Block
from limelight.exceptions import Error
from limelight.protocol import Message
from limelight.server.chunks import ChunkFeeds
from limelight.server.jobs import Job, JobRecord
from limelight.server.queue import JobQueue
from limelight.server.sessions import SessionStore
from limelight.server.streams import EventStreams
from limelight.server.worker import JobRunner

__all__ = ["Worker"]

log = logging.getLogger("limelight")


class Worker:
    """Runs the jobs of one app's queue in this process."""

    def __init__(
        self,
        app: BlocksBase,
        blocks: dict[int, Block],
        queue: JobQueue,
        runner: JobRunner,
        streams: EventStreams,
        sessions: SessionStore,
        feeds: ChunkFeeds,
    ) -> None:
        self.app = app
        self.blocks = blocks
        self.queue = queue
        self.runner = runner
        self.streams = streams
        self.sessions = sessions
        self.feeds = feeds
        self._tasks: dict[str, asyncio.Task[None]] = {}
        # Every batch's task until it ends, those already finishing included (no longer in
        # ``_tasks``): stopping waits for them, so none is left talking to the queue.
        self._batches: set[asyncio.Task[None]] = set()
        self._stopping = False
        self.draining = False
        """Set before cancelling ``run`` to stop claiming but let running jobs finish."""

    async def run(self) -> None:
        """Claim and run jobs until cancelled; then stop the jobs still running. Cancelled
        while ``draining``, it claims no more and waits for the running jobs first (until
        cancelled again)."""
        watcher = asyncio.get_running_loop().create_task(self._watch_cancellations())
        try:
            try:
                while True:
                    self._start(await self.queue.claim())
            except asyncio.CancelledError:
                if not self.draining:
                    raise
            self._stopping = True
            while self._tasks:
                await asyncio.wait(set(self._tasks.values()))
        finally:
            self._stopping = True
            watcher.cancel()
            running = {*self._tasks.values(), watcher}
            for task in running:
                task.cancel()
            await asyncio.gather(*running, *self._batches, return_exceptions=True)

    async def start_ready(self) -> None:
        """Start every job that may start now, at once: called where a slot frees up or a
        job is admitted, so that it need not wait for the claiming loop's next turn."""
        while not self._stopping and (batch := await self.queue.try_claim()):
            self._start(batch)

    def _start(self, records: list[JobRecord]) -> None:
        task = asyncio.get_running_loop().create_task(self._run(records))
        for record in records:
            self._tasks[record.event_id] = task
        self._batches.add(task)
        task.add_done_callback(self._batches.discard)

    async def _watch_cancellations(self) -> None:
        async for event_id in self.queue.cancellations():
            task = self._tasks.get(event_id)
            if task is not None:
                task.cancel()

    async def _run(self, records: list[JobRecord]) -> None:
        finals: list[Message] = []
        published = False
        try:
            try:
                jobs = [await self._job(record) for record in records]
            except LookupError as exc:
                finals = [self.runner.failed(record, Error(str(exc))) for record in records]
            else:
                finals = await self.runner(jobs)
            if not self._stopping:
                await self._publish(records, finals)
                published = True
        finally:
            for record in records:
                self._tasks.pop(record.event_id, None)
                if record.stream:
                    await self.feeds.discard(record.event_id)
            # A job this process stops is not over: a queue shared with other processes may
            # run it again there.
            done = self.queue.finish if published or not self._stopping else self.queue.abandon
            live = await done(records)
            # The slot this batch held may start the next job now, without a round through
            # the claiming loop (a group limited to one job at a time runs back to back).
            await self.start_ready()
        if not published:
            await self._publish(live, [finals[records.index(record)] for record in live])

    async def _publish(self, records: list[JobRecord], finals: list[Message]) -> None:
        """Publish the jobs' final messages, before the jobs are finished: a stream reader
        takes a job whose final message it has read as over (``routes/queue.py``), so it
        never sees the session idle between the two. A job cancelled out of its batch has
        had its final message already."""
        for record, final in zip(records, finals):
            if len(records) == 1 or await self.queue.find(record.event_id) is not None:
                await self.streams.publish(record.channel, final)

    async def _job(self, record: JobRecord) -> Job:
        """The live job ``record`` stands for; ``LookupError`` when its dependency is gone
        (a rendered listener of a session this process no longer holds). An unknown trigger
        leaves ``gr.EventData`` without its target, as before the job was queued."""
        dep = self.app.dependency(record.fn_index)
        trigger = self.blocks.get(record.trigger_id) if record.trigger_id is not None else None
        if dep is None or (record.trigger_id is not None and trigger is None):
            session = await self.sessions.load(record.session_hash)
            if dep is None:
                await restore_render(self.app, session, record.fn_index)
                dep = session.rendered_dependency(record.fn_index)
            if record.trigger_id is not None and trigger is None:
                await restore_render(self.app, session, record.trigger_id)
                trigger = session.rendered_block(record.trigger_id)
        if dep is None:
            raise LookupError(f"Event {record.fn_index} is no longer part of the app.")
        return Job(
            record=record,
            dependency=dep,
            trigger=trigger,
            request=record.gr_request(),
            feed=self.feeds.feed(record.event_id) if record.stream else None,
        )
