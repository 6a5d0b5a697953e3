"""The queue's contract: order, limits, batches, cancellation, ranks."""

from __future__ import annotations

import asyncio

import pytest

from limelight.server.queue import JobQueue, QueueFull
from limelight.server.streams import EventStreams
from tests.server.contracts.support import claim_now, nothing_to_claim, record

pytestmark = pytest.mark.anyio


async def test_jobs_of_one_group_are_claimed_in_arrival_order(queue: JobQueue) -> None:
    for event in ("a", "b", "c"):
        await queue.put(record(event, limit=None))
    assert [await claim_now(queue) for _ in range(3)] == [["a"], ["b"], ["c"]]


async def test_a_group_at_its_limit_waits_and_others_do_not(queue: JobQueue) -> None:
    await queue.put(record("a1", group="a"))
    await queue.put(record("a2", group="a"))
    await queue.put(record("b1", group="b"))
    first = await claim_now(queue)
    second = await claim_now(queue)
    assert (first, second) == (["a1"], ["b1"])
    assert await nothing_to_claim(queue)
    (a1,) = [r for r in [await queue.find("a1")] if r is not None]
    assert [r.event_id for r in await queue.finish([a1])] == ["a1"]
    assert await claim_now(queue) == ["a2"]


async def test_waiting_jobs_of_one_batch_are_claimed_together(queue: JobQueue) -> None:
    for event in ("x1", "x2", "x3"):
        await queue.put(record(event, batch="f", max_batch_size=2))
    assert await claim_now(queue) == ["x1", "x2"]


async def test_a_full_queue_refuses_more_waiting_jobs(queue: JobQueue) -> None:
    for event in ("a", "b", "c"):
        await queue.put(record(event))
    with pytest.raises(QueueFull):
        await queue.put(record("d"))
    assert await queue.size() == 3


async def test_pending_and_session_jobs_count_waiting_and_running(queue: JobQueue) -> None:
    await queue.put(record("a", session="s"))
    await queue.put(record("b", session="s"))
    await queue.put(record("c", session="t"))
    await claim_now(queue)
    assert await queue.pending("s") == 2
    assert sorted(await queue.session_jobs("s")) == ["a", "b"]
    assert await queue.pending("nobody") == 0
    found = await queue.find("b")
    assert found is not None and found.data == ["b"]


async def test_cancelling_a_waiting_job_drops_it_and_tells_its_stream(
    queue: JobQueue, streams: EventStreams
) -> None:
    await queue.put(record("a"))
    await queue.put(record("b"))
    await claim_now(queue)
    await streams.take("s", 0.1)
    assert await queue.cancel("b") is True
    assert await queue.find("b") is None
    # Rank updates may still be on their way (a shared queue sends them from a task).
    (message,) = [m for m in await streams.take("s", 1) if m["msg"] != "estimation"]
    assert (message["msg"], message["event_id"], message["output"]) == (
        "process_completed",
        "b",
        {},
    )
    assert await queue.cancel("b") is False


async def test_cancelling_a_running_job_is_announced_to_workers(queue: JobQueue) -> None:
    await queue.put(record("a"))
    (claimed,) = await asyncio.wait_for(queue.claim(), 2)
    cancellations = queue.cancellations()
    assert await queue.cancel("a") is True
    assert await asyncio.wait_for(anext(cancellations), 2) == "a"
    assert [r.event_id for r in await queue.finish([claimed])] == ["a"]
    assert await queue.pending("s") == 0


async def test_admission_tells_a_job_its_rank(queue: JobQueue, streams: EventStreams) -> None:
    for event in ("a", "b", "c"):
        await queue.put(record(event))
    ranks = [m["rank"] for m in await streams.take("s", 1) if m["msg"] == "estimation"]
    assert ranks == [0, 0, 1]


async def test_try_claim_takes_a_ready_job_and_never_waits(queue: JobQueue) -> None:
    assert await queue.try_claim() == []
    await queue.put(record("a"))
    await queue.put(record("b"))
    (claimed,) = await queue.try_claim()
    assert claimed.event_id == "a"
    assert await queue.try_claim() == []  # the group's one slot is taken
    await queue.finish([claimed])
    assert [r.event_id for r in await queue.try_claim()] == ["b"]


async def test_abandoning_a_claimed_job_frees_its_slot(queue: JobQueue) -> None:
    await queue.put(record("a"))
    await queue.put(record("b"))
    (claimed,) = await asyncio.wait_for(queue.claim(), 2)
    await queue.abandon([claimed])
    assert await queue.find("a") is None
    assert await claim_now(queue) == ["b"]
