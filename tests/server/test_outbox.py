"""The outbox: what a running function reports reaches its stream in order, and before the
job's own next message, whether it reports from the loop or from a worker thread."""

from __future__ import annotations

import asyncio

import pytest

from limelight.server.outbox import Outbox
from limelight.server.streams import InMemoryEventStreams

pytestmark = pytest.mark.anyio


async def test_reports_from_a_thread_come_out_in_order_before_what_follows() -> None:
    streams = InMemoryEventStreams()
    outbox = Outbox(streams, "c", "e1")

    def work() -> None:
        for n in range(50):
            outbox.report({"msg": "log", "n": n})

    await asyncio.get_running_loop().run_in_executor(None, work)
    await outbox.flush()
    await streams.publish("c", {"msg": "process_completed"})
    taken = await streams.take("c", 1)
    assert [m.get("n") for m in taken] == [*range(50), None]
    assert all(m["event_id"] == "e1" for m in taken[:-1])


async def test_reports_from_the_loop_are_published_without_a_flush() -> None:
    streams = InMemoryEventStreams()
    outbox = Outbox(streams, "c", "e1")
    outbox.report({"msg": "progress", "progress_data": []})
    assert await streams.take("c", 1) == [
        {"msg": "progress", "progress_data": [], "event_id": "e1"}
    ]
