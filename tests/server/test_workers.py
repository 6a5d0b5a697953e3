"""The worker loop stopping: it waits for every batch, those already finishing included, so
none is left talking to the queue (or its store) after the worker is gone."""

from __future__ import annotations

import asyncio

import pytest

import limelight as gr
from limelight.server.jobs import JobRecord
from limelight.server.queue import InMemoryQueue
from limelight.server.services import Services
from limelight.server.workers import Worker

pytestmark = pytest.mark.anyio


class SlowToFinish(InMemoryQueue):
    """Freeing a batch's slot waits until the test lets it."""

    def __init__(self, services: Services) -> None:
        super().__init__(services.streams)
        self.finishing = asyncio.Event()
        self.may_finish = asyncio.Event()
        self.finished = False

    async def finish(self, records: list[JobRecord]) -> list[JobRecord]:
        self.finishing.set()
        await self.may_finish.wait()
        self.finished = True
        return await super().finish(records)


async def test_stopping_waits_for_a_batch_that_is_finishing() -> None:
    with gr.Blocks() as demo:
        box = gr.Textbox()
        box.submit(str.upper, box, box)
    services = Services(demo)
    await services.start()
    try:
        queue = SlowToFinish(services)
        worker = Worker(
            demo,
            demo.blocks,
            queue,
            services.runner,
            services.streams,
            services.sessions,
            services.feeds,
        )
        running = asyncio.get_running_loop().create_task(worker.run())
        record = JobRecord(fn_index=0, session_hash="s", channel="s", data=["a"], group="0")
        await queue.put(record)
        await asyncio.wait_for(queue.finishing.wait(), 5)
        running.cancel()
        for _ in range(5):
            await asyncio.sleep(0)
        assert not running.done()  # still waiting for the finishing batch
        queue.may_finish.set()
        await asyncio.gather(running, return_exceptions=True)
        assert queue.finished
    finally:
        await services.stop()
