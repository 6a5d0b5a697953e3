"""The queue on Redis across processes: two ``RedisQueue`` instances on one Redis stand for
two processes of an app (and one test kills a real second process). The single-process
contract is ``tests/server/contracts/test_queue.py``."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import pytest
from redis.asyncio import Redis
from redis.exceptions import ConnectionError as RedisConnectionError

from limelight.backends.redis.queue import RedisQueue
from limelight.server.jobs import JobRecord, RequestSnapshot
from limelight.server.queue import QueueFull
from limelight.server.streams import EventStreams, InMemoryEventStreams
from tests.server.contracts.support import claim_now, record
from tests.support import FakeClock, wait_until

pytestmark = pytest.mark.anyio

LEASE = 15.0
REPO = Path(__file__).resolve().parents[3]

MakeQueue = Callable[..., RedisQueue]


@pytest.fixture
def streams() -> EventStreams:
    """The app's event streams (shared by both "processes", as a shared backend would be)."""
    return InMemoryEventStreams()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
async def make_queue(
    redis_url: str, streams: EventStreams, clock: FakeClock
) -> AsyncIterator[MakeQueue]:
    """Makes the queue of one more process of the app (each with its own client)."""
    made: list[RedisQueue] = []

    def make(**options: object) -> RedisQueue:
        options.setdefault("clock", clock)
        queue = RedisQueue(Redis.from_url(redis_url), "app", streams, **options)  # type: ignore[arg-type]
        made.append(queue)
        return queue

    yield make
    for queue in made:
        await queue.close()
        await queue.client.aclose()


def lost_job(event: str, *, retries: int = 0, group: str = "g") -> JobRecord:
    job = record(event, group=group)
    job.retries = retries
    return job


async def completions(streams: EventStreams, channel: str = "s") -> list[dict[str, object]]:
    return [m for m in await streams.take(channel, 1) if m["msg"] == "process_completed"]


async def test_processes_share_a_groups_limit_and_its_order(make_queue: MakeQueue) -> None:
    first, second = make_queue(), make_queue()
    for event in ("a1", "a2", "a3"):
        await first.put(record(event))
    (a1,) = await first.claim()
    assert await second.try_claim() == []  # the group's one slot is held by the first
    await first.finish([a1])
    assert await claim_now(second) == ["a2"]
    assert await first.try_claim() == []
    assert await first.size() == await second.size() == 2


async def test_max_size_counts_the_jobs_every_process_admitted(make_queue: MakeQueue) -> None:
    first, second = make_queue(max_size=2), make_queue(max_size=2)
    await first.put(record("a"))
    await second.put(record("b"))
    with pytest.raises(QueueFull):
        await first.put(record("c"))


async def test_a_record_round_trips_through_the_queue(make_queue: MakeQueue) -> None:
    first, second = make_queue(), make_queue()
    sent = JobRecord(
        event_id="e1",
        fn_index=3,
        session_hash="s",
        channel="s",
        data=[{"path": "a.png", "meta": {"_type": "gradio.FileData"}}, 2.5, None],
        group="g",
        limit=2,
        batch="3",
        max_batch_size=4,
        event_data={"index": [1, 2], "value": "x"},
        trigger_id=7,
        request=RequestSnapshot(headers=[("user-agent", "test")], client=("10.0.0.1", 5)),
        root_url="https://example.org/app",
        retries=2,
    )
    await first.put(sent)
    assert await second.find("e1") == sent
    assert await claim_now(second) == ["e1"]
    assert (await second.find("e1")) == sent


async def test_cancelling_a_job_running_in_another_process_stops_it_there(
    make_queue: MakeQueue,
) -> None:
    runner, other = make_queue(), make_queue()
    await other.put(record("a"))
    (claimed,) = await runner.claim()
    stops = runner.cancellations()
    assert await other.cancel("a") is True
    assert await asyncio.wait_for(anext(stops), 2) == "a"
    assert [r.event_id for r in await runner.finish([claimed])] == ["a"]
    assert await other.pending("s") == 0


async def test_cancelling_a_job_waiting_in_another_process_drops_it(
    make_queue: MakeQueue, streams: EventStreams
) -> None:
    first, second = make_queue(), make_queue()
    await first.put(record("a"))
    assert await second.cancel("a") is True
    assert [m["event_id"] for m in await completions(streams)] == ["a"]
    assert await first.try_claim() == []
    assert await first.size() == 0


async def test_an_expired_claim_runs_again_while_retries_last(
    make_queue: MakeQueue, clock: FakeClock, streams: EventStreams
) -> None:
    dead, reaper = make_queue(), make_queue()
    await reaper.put(lost_job("a", retries=1))
    await reaper.put(lost_job("b"))
    await dead.claim()
    clock.now += LEASE + 1
    await reaper.reap()
    assert await claim_now(reaper) == ["a"]  # again, ahead of the job that arrived after it
    clock.now += LEASE + 1
    await reaper.reap()  # its one retry is used: this time it ends
    (lost,) = await completions(streams)
    assert (lost["event_id"], lost["success"]) == ("a", False)
    assert "worker_lost" in lost["output"]["error"]  # type: ignore[index]
    assert await claim_now(reaper) == ["b"]


async def test_a_job_that_waits_again_hears_its_rank(
    make_queue: MakeQueue, clock: FakeClock, streams: EventStreams
) -> None:
    dead, reaper = make_queue(), make_queue()
    await reaper.put(lost_job("a", retries=1))
    await dead.claim()
    await streams.take("s", 0.1)  # its rank on joining
    clock.now += LEASE + 1
    await reaper.reap()
    heard: list[dict[str, object]] = []

    async def told() -> bool:
        heard.extend(m for m in await streams.take("s", 1) if m["msg"] == "estimation")
        return bool(heard)

    await wait_until(told)
    assert [(m["event_id"], m["rank"]) for m in heard] == [("a", 0)]


async def test_an_expired_claim_without_retries_tells_the_client_the_worker_was_lost(
    make_queue: MakeQueue, clock: FakeClock, streams: EventStreams
) -> None:
    dead, reaper = make_queue(), make_queue()
    await reaper.put(lost_job("a"))
    await reaper.put(lost_job("b"))
    await dead.claim()
    clock.now += LEASE + 1
    await reaper.reap()
    await reaper.reap()  # reaping again finds nothing more to do
    (lost,) = await completions(streams)
    assert (lost["event_id"], lost["msg"], lost["success"]) == ("a", "process_completed", False)
    assert await reaper.find("a") is None and await reaper.pending("s") == 1
    assert await claim_now(reaper) == ["b"]  # the dead process's slot is free again


async def test_every_process_reaps_expired_leases_by_itself(
    make_queue: MakeQueue, streams: EventStreams
) -> None:
    # A clock stuck in 1970 makes every lease the first process takes or renews expired; the
    # second keeps Redis's time and reaps a few times per (short) lease, unasked.
    dead = make_queue(clock=lambda: 0.0)
    reaper = make_queue(clock=None, lease_seconds=0.3)
    await reaper.put(lost_job("a"))
    await dead.claim()
    await reaper.start()
    ended: list[dict[str, object]] = []

    async def client_told() -> bool:
        ended.extend(await completions(streams))
        return bool(ended)

    await wait_until(client_told)
    assert [(m["event_id"], m["success"]) for m in ended] == [("a", False)]


async def test_renewed_claims_outlive_their_first_lease(
    make_queue: MakeQueue, clock: FakeClock
) -> None:
    alive, reaper = make_queue(), make_queue()
    await reaper.put(lost_job("a"))
    await reaper.put(lost_job("b"))
    await alive.claim()
    for _ in range(3):
        clock.now += LEASE * 0.9
        await alive.renew()
        await reaper.reap()
    assert await reaper.try_claim() == []
    assert await reaper.find("a") is not None


async def test_a_process_that_stalled_past_its_lease_stops_the_job_it_lost(
    make_queue: MakeQueue, clock: FakeClock
) -> None:
    stalled, reaper = make_queue(), make_queue()
    await reaper.put(lost_job("a", retries=1))
    (claimed,) = await stalled.claim()
    clock.now += LEASE + 1
    await reaper.reap()
    (again,) = await reaper.claim()
    stops = stalled.cancellations()
    await stalled.renew()
    assert await asyncio.wait_for(anext(stops), 2) == "a"
    # Finishing the lost claim leaves the job to the process that runs it now.
    assert await stalled.finish([claimed]) == []
    assert await reaper.find("a") is not None
    assert [r.event_id for r in await reaper.finish([again])] == ["a"]


async def test_a_stalled_process_does_not_take_again_a_job_it_still_runs(
    make_queue: MakeQueue, clock: FakeClock
) -> None:
    stalled, reaper = make_queue(), make_queue()
    await reaper.put(lost_job("a", retries=1))
    (claimed,) = await stalled.claim()
    clock.now += LEASE + 1
    await reaper.reap()
    stops = stalled.cancellations()
    assert await stalled.try_claim() == []
    assert await asyncio.wait_for(anext(stops), 2) == "a"
    assert await stalled.finish([claimed]) == []
    assert await claim_now(stalled) == ["a"]


async def test_closing_stops_claiming_and_hands_held_jobs_on(
    make_queue: MakeQueue, streams: EventStreams
) -> None:
    leaving, staying = make_queue(), make_queue()
    await staying.put(lost_job("a", retries=1, group="a"))
    await staying.put(lost_job("b", group="b"))
    await staying.put(lost_job("c", group="c"))
    await leaving.claim()
    await leaving.claim()
    await leaving.close()
    assert await leaving.try_claim() == []
    (lost,) = await completions(streams)
    assert lost["event_id"] == "b"
    claimed = {(await claim_now(staying))[0] for _ in range(2)}
    assert claimed == {"a", "c"}


class HeldReplies(Redis):
    """A client whose script replies wait for ``release`` once Redis has run the script:
    a claim can be cancelled after Redis made it and before its process heard so."""

    release: asyncio.Event | None = None

    async def evalsha(self, *args: Any, **kwargs: Any) -> Any:
        reply = await super().evalsha(*args, **kwargs)  # type: ignore[misc]
        if self.release is not None:
            await self.release.wait()
        return reply


class FailingOnce(Redis):
    """A client whose first script call fails as if Redis were unreachable."""

    failed = False

    async def evalsha(self, *args: Any, **kwargs: Any) -> Any:
        if not self.failed:
            self.failed = True
            raise RedisConnectionError("Redis went away")
        return await super().evalsha(*args, **kwargs)  # type: ignore[misc]


async def test_a_claimer_outlives_redis_failing_for_a_while(
    make_queue: MakeQueue, redis_url: str, streams: EventStreams
) -> None:
    await make_queue().put(record("a"))
    flaky = FailingOnce.from_url(redis_url)
    queue = RedisQueue(flaky, "app", streams)
    try:
        assert await claim_now(queue) == ["a"]
        assert flaky.failed
    finally:
        await queue.close()
        await flaky.aclose()


async def test_a_claim_cancelled_while_redis_runs_it_gives_its_job_back(
    make_queue: MakeQueue, redis_url: str, streams: EventStreams
) -> None:
    staying = make_queue()
    held = HeldReplies.from_url(redis_url)
    leaving = RedisQueue(held, "app", streams)
    try:
        await leaving.start()
        await staying.put(record("a"))
        held.release = asyncio.Event()
        claiming = asyncio.ensure_future(leaving.try_claim())
        await wait_until(lambda: _state_of(staying, "a", b"r"))  # Redis made the claim
        claiming.cancel()
        await asyncio.gather(claiming, return_exceptions=True)
        held.release.set()
        taken: list[JobRecord] = []

        async def staying_claims() -> bool:
            taken.extend(await staying.try_claim())
            return bool(taken)

        await wait_until(staying_claims)
        assert [r.event_id for r in taken] == ["a"]
    finally:
        await leaving.close()
        await held.aclose()


async def _state_of(queue: RedisQueue, event_id: str, state: bytes) -> bool:
    return await queue.client.hget(f"app:job:{event_id}", "state") == state


def test_a_killed_process_loses_its_job_to_the_others(redis_url: str) -> None:
    """A real second process claims a job and is killed with SIGKILL mid-job: once its
    lease is past, another process reaps it and the client hears the worker was lost."""
    streams = InMemoryEventStreams()

    async def admit() -> None:
        queue = RedisQueue(Redis.from_url(redis_url), "app", streams)
        await queue.put(lost_job("doomed"))
        await queue.put(lost_job("retried", retries=1, group="h"))
        await queue.client.aclose()

    asyncio.run(admit())
    claimers = [_start_claimer(redis_url) for _ in range(2)]
    try:
        claimed = {claimer.stdout.readline().strip() for claimer in claimers}  # type: ignore[union-attr]
    finally:
        for claimer in claimers:
            os.kill(claimer.pid, signal.SIGKILL)
            claimer.wait(10)
    assert claimed == {"doomed", "retried"}

    async def reap_later() -> tuple[list[dict[str, object]], list[str]]:
        # A clock past the dead process's leases, instead of waiting for them to run out.
        queue = RedisQueue(
            Redis.from_url(redis_url), "app", streams, clock=lambda: time.time() + 3600
        )
        try:
            await queue.reap()
            return await completions(streams), await claim_now(queue)
        finally:
            await queue.close()
            await queue.client.aclose()

    ended, rerun = asyncio.run(reap_later())
    assert [(m["event_id"], m["success"]) for m in ended] == [("doomed", False)]
    assert rerun == ["retried"]


def _start_claimer(redis_url: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.backends.redis.claimer", redis_url, "app", str(LEASE)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        text=True,
    )
