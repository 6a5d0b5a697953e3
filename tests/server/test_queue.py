"""The queue: concurrency limits, groups, order and size (docs/security.md #30, #39)."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import anyio
import pytest

import limelight as gr
from tests.support import asgi_app_and_client, asgi_client, completion, join, read_session

WAIT = 5.0
"""Longest any test waits for an event it expects; reached only when something is broken."""


class Overlap:
    """Counts how many calls run at once and the most that ever did."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.active = 0
        self.peak = 0
        self.order: list[int] = []

    @contextmanager
    def running(self, tag: int) -> Iterator[None]:
        with self.lock:
            self.active += 1
            self.peak = max(self.peak, self.active)
            self.order.append(tag)
        try:
            yield
        finally:
            with self.lock:
                self.active -= 1


async def _wait(event: threading.Event) -> None:
    assert await anyio.to_thread.run_sync(event.wait, WAIT), "timed out"


@pytest.mark.anyio
async def test_concurrency_limit_one_never_overlaps() -> None:
    overlap = Overlap()

    def work(n: float) -> float:
        with overlap.running(int(n)):
            time.sleep(0.002)
        return n

    with gr.Blocks() as demo:
        number = gr.Number()
        gr.Button().click(work, number, number, concurrency_limit=1)
    async with asgi_client(demo) as client:
        await asyncio.gather(*(join(client, 0, [i], f"s{i}") for i in range(20)))
        streams = await asyncio.gather(*(read_session(client, f"s{i}") for i in range(20)))
    assert overlap.peak == 1
    assert sorted(overlap.order) == list(range(20))
    for i, messages in enumerate(streams):
        assert completion(messages)["output"]["data"] == [i]


@pytest.mark.anyio
async def test_default_limit_is_one() -> None:
    overlap = Overlap()

    async def work(n: float) -> float:
        with overlap.running(int(n)):
            await asyncio.sleep(0)
            await asyncio.sleep(0)
        return n

    with gr.Blocks() as demo:
        number = gr.Number()
        gr.Button().click(work, number, number)
    async with asgi_client(demo) as client:
        await asyncio.gather(*(join(client, 0, [i], f"s{i}") for i in range(10)))
        await asyncio.gather(*(read_session(client, f"s{i}") for i in range(10)))
    assert overlap.peak == 1


@pytest.mark.anyio
async def test_jobs_of_one_group_start_in_arrival_order() -> None:
    overlap = Overlap()
    release = threading.Event()

    def work(n: float) -> float:
        with overlap.running(int(n)):
            release.wait(WAIT)
        return n

    with gr.Blocks() as demo:
        number = gr.Number()
        gr.Button().click(work, number, number)
    async with asgi_client(demo) as client:
        try:
            for i in range(10):
                await join(client, 0, [i], "fifo")
        finally:
            release.set()
        await read_session(client, "fifo")
    assert overlap.order == list(range(10))


@pytest.mark.anyio
async def test_limit_two_lets_two_run_together() -> None:
    barrier = threading.Barrier(2, timeout=WAIT)

    def meet(n: float) -> float:
        barrier.wait()
        return n

    with gr.Blocks() as demo:
        number = gr.Number()
        gr.Button().click(meet, number, number, concurrency_limit=2)
    async with asgi_client(demo) as client:
        await join(client, 0, [1], "a")
        await join(client, 0, [2], "b")
        a, b = await asyncio.gather(read_session(client, "a"), read_session(client, "b"))
    assert completion(a)["success"] and completion(b)["success"]


@pytest.mark.anyio
async def test_queue_default_concurrency_limit() -> None:
    barrier = threading.Barrier(3, timeout=WAIT)

    def meet(n: float) -> float:
        barrier.wait()
        return n

    with gr.Blocks() as demo:
        number = gr.Number()
        gr.Button().click(meet, number, number)
    demo.queue(default_concurrency_limit=3)
    async with asgi_client(demo) as client:
        for name in "abc":
            await join(client, 0, [1], name)
        streams = await asyncio.gather(*(read_session(client, name) for name in "abc"))
    assert all(completion(s)["success"] for s in streams)


@pytest.mark.anyio
async def test_no_limit_runs_everything_at_once() -> None:
    barrier = threading.Barrier(4, timeout=WAIT)

    def meet(n: float) -> float:
        barrier.wait()
        return n

    with gr.Blocks() as demo:
        number = gr.Number()
        gr.Button().click(meet, number, number, concurrency_limit=None)
    async with asgi_client(demo) as client:
        for name in "abcd":
            await join(client, 0, [1], name)
        streams = await asyncio.gather(*(read_session(client, name) for name in "abcd"))
    assert all(completion(s)["success"] for s in streams)


@pytest.mark.anyio
async def test_slow_event_at_its_limit_does_not_delay_another_event() -> None:
    started = threading.Event()
    release = threading.Event()

    def slow(n: float) -> float:
        started.set()
        release.wait(WAIT)
        return n

    def fast(n: float) -> float:
        return n * 2

    with gr.Blocks() as demo:
        number = gr.Number()
        btn = gr.Button()
        btn.click(slow, number, number, concurrency_limit=1)
        btn.click(fast, number, number, concurrency_limit=1)
    async with asgi_client(demo) as client:
        try:
            await join(client, 0, [1], "slow")
            await join(client, 0, [2], "slow")
            await _wait(started)
            await join(client, 1, [21], "fast")
            with anyio.fail_after(WAIT):
                fast_messages = await read_session(client, "fast")
            assert not release.is_set()
        finally:
            release.set()
        slow_messages = await read_session(client, "slow")
    assert completion(fast_messages)["output"]["data"] == [42]
    assert [m["output"]["data"] for m in slow_messages if m["msg"] == "process_completed"] == [
        [1],
        [2],
    ]


@pytest.mark.anyio
async def test_shared_concurrency_id_limits_events_together() -> None:
    overlap = Overlap()

    def work(n: float) -> float:
        with overlap.running(int(n)):
            time.sleep(0.002)
        return n

    def other(n: float) -> float:
        return work(n)

    with gr.Blocks() as demo:
        number = gr.Number()
        btn = gr.Button()
        btn.click(work, number, number, concurrency_limit=1, concurrency_id="gpu")
        btn.click(other, number, number, concurrency_limit=1, concurrency_id="gpu")
    async with asgi_client(demo) as client:
        await asyncio.gather(*(join(client, i % 2, [i], f"s{i}") for i in range(10)))
        await asyncio.gather(*(read_session(client, f"s{i}") for i in range(10)))
    assert overlap.peak == 1
    assert len(overlap.order) == 10


@pytest.mark.anyio
async def test_waiting_jobs_report_their_rank() -> None:
    started = threading.Event()
    release = threading.Event()

    def slow(n: float) -> float:
        started.set()
        release.wait(WAIT)
        return n

    with gr.Blocks() as demo:
        number = gr.Number()
        gr.Button().click(slow, number, number)
    async with asgi_client(demo) as client:
        try:
            await join(client, 0, [0], "rank")
            await _wait(started)
            second = await join(client, 0, [1], "rank")
            third = await join(client, 0, [2], "rank")
        finally:
            release.set()
        messages = await read_session(client, "rank")
    # The first estimation of each event is its rank on joining (later ones update it).
    estimations: dict[str, dict[str, Any]] = {}
    for m in messages:
        if m["msg"] == "estimation":
            estimations.setdefault(m["event_id"], m)
    assert (estimations[second]["rank"], estimations[second]["queue_size"]) == (0, 1)
    assert (estimations[third]["rank"], estimations[third]["queue_size"]) == (1, 2)


@pytest.mark.anyio
async def test_one_session_gets_a_bounded_share_of_the_queue() -> None:
    # The attack: 1,000 joins from one session, all accepted, crowding out every other
    # session (docs/security.md #30).
    release = threading.Event()

    def slow(n: float) -> float:
        release.wait(WAIT)
        return n

    with gr.Blocks() as demo:
        number = gr.Number()
        gr.Button().click(slow, number, number)
    async with asgi_client(demo) as client:
        try:
            codes = [
                (
                    await client.post(
                        "/gradio_api/queue/join",
                        json={"data": [n], "fn_index": 0, "session_hash": "greedy"},
                    )
                ).status_code
                for n in range(1000)
            ]
            other = await client.post(
                "/gradio_api/queue/join",
                json={"data": [0], "fn_index": 0, "session_hash": "polite"},
            )
        finally:
            release.set()
    assert codes == [200] * 100 + [429] * 900
    assert other.status_code == 200


@pytest.mark.anyio
async def test_full_queue_refuses_new_jobs() -> None:
    started = threading.Event()
    release = threading.Event()

    def slow(n: float) -> float:
        started.set()
        release.wait(WAIT)
        return n

    with gr.Blocks() as demo:
        number = gr.Number()
        gr.Button().click(slow, number, number)
    demo.queue(max_size=1)
    async with asgi_client(demo) as client:
        try:
            await join(client, 0, [0], "full")
            await _wait(started)
            await join(client, 0, [1], "full")
            refused = await client.post(
                "/gradio_api/queue/join",
                json={"data": [2], "fn_index": 0, "session_hash": "full"},
            )
        finally:
            release.set()
        messages = await read_session(client, "full")
        assert refused.status_code == 503
        assert "full" in refused.json()["detail"]
        completed = [m for m in messages if m["msg"] == "process_completed"]
        assert len(completed) == 2
        again = await join(client, 0, [3], "later")
        assert completion(await read_session(client, "later"), again)["success"]


@pytest.mark.anyio
async def test_a_listeners_retries_travel_with_its_queued_jobs() -> None:
    release = threading.Event()

    def slow(text: str) -> str:
        release.wait(WAIT)
        return text

    with gr.Blocks() as demo:
        box = gr.Textbox()
        box.submit(slow, box, box, retries=2)
    async with asgi_app_and_client(demo) as (app, client):
        event_id = await join(client, 0, ["x"])
        record = await app.state.services.queue.find(event_id)
        release.set()
        assert completion(await read_session(client, "test"))["success"] is True
    assert record is not None and record.retries == 2


@pytest.mark.parametrize("retries", [-1, 1.5, True])
def test_retries_must_be_a_whole_number_from_zero(retries: Any) -> None:
    with gr.Blocks(), pytest.raises(ValueError, match="retries"):
        gr.Button().click(lambda: None, retries=retries)
