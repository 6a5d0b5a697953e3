"""Workers of two processes on one ``RedisQueue``: a job admitted by one runs in the other,
and a worker that stops mid-job hands the job on (or its client hears the worker was lost)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable

import anyio
import pytest
from redis.asyncio import Redis

import limelight as gr
from limelight.backends.redis.queue import RedisQueue
from limelight.server.jobs import JobRecord
from limelight.server.services import Services
from limelight.server.workers import Worker
from tests.support import completion

pytestmark = pytest.mark.anyio

WAIT = 5.0
"""Longest any test waits for an event it expects; reached only when something is broken."""


class Calls:
    """An app whose first call waits until cancelled and whose later calls answer at once."""

    def __init__(self) -> None:
        self.started = asyncio.Event()
        self.count = 0
        with gr.Blocks() as self.demo:
            box = gr.Textbox()
            box.submit(self.reply, box, box)

    async def reply(self, text: str) -> str:
        self.count += 1
        if self.count == 1:
            self.started.set()
            await asyncio.Event().wait()
        return text.upper()


StartWorker = Callable[[], tuple[RedisQueue, "asyncio.Task[None]"]]


@pytest.fixture
def calls() -> Calls:
    return Calls()


@pytest.fixture
async def services(calls: Calls) -> AsyncIterator[Services]:
    """The app's services (their runner, streams and sessions serve both "processes")."""
    made = Services(calls.demo)
    await made.start()
    yield made
    await made.stop()


@pytest.fixture
async def start_worker(
    redis_url: str, calls: Calls, services: Services
) -> AsyncIterator[StartWorker]:
    """Starts the worker of one more process, on its own queue client."""
    started: list[tuple[RedisQueue, asyncio.Task[None]]] = []

    def start() -> tuple[RedisQueue, asyncio.Task[None]]:
        queue = RedisQueue(Redis.from_url(redis_url), "app", services.streams)
        worker = Worker(
            calls.demo,
            calls.demo.blocks,
            queue,
            services.runner,
            services.streams,
            services.sessions,
            services.feeds,
        )
        task = asyncio.get_running_loop().create_task(worker.run())
        started.append((queue, task))
        return queue, task

    yield start
    for queue, task in started:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
        await queue.close()
        await queue.client.aclose()


def job(retries: int = 0) -> JobRecord:
    return JobRecord(
        fn_index=0,
        session_hash="s",
        channel="s",
        data=["hello"],
        group="0",
        limit=1,
        retries=retries,
    )


async def final_message(services: Services) -> dict[str, object]:
    messages: list[dict[str, object]] = []
    with anyio.fail_after(WAIT):
        while not any(m["msg"] == "process_completed" for m in messages):
            messages += await services.streams.take("s", WAIT)
    return completion(messages)


async def test_a_worker_stopped_mid_job_hands_it_to_another_process(
    calls: Calls, services: Services, start_worker: StartWorker
) -> None:
    first, stopping = start_worker()
    await first.put(job(retries=1))
    await asyncio.wait_for(calls.started.wait(), WAIT)
    stopping.cancel()
    await asyncio.gather(stopping, return_exceptions=True)
    start_worker()
    final = await final_message(services)
    assert final["success"] is True
    assert final["output"]["data"] == ["HELLO"]  # type: ignore[index]


async def test_a_worker_stopped_mid_job_without_retries_tells_the_client(
    calls: Calls, services: Services, start_worker: StartWorker
) -> None:
    first, stopping = start_worker()
    await first.put(job())
    await asyncio.wait_for(calls.started.wait(), WAIT)
    stopping.cancel()
    await asyncio.gather(stopping, return_exceptions=True)
    final = await final_message(services)
    assert final["success"] is False
    assert "worker_lost" in final["output"]["error"]  # type: ignore[index]
    assert await first.size() == 0
