"""The event streams' contract: order, wake-ups, channels, expiry."""

from __future__ import annotations

import asyncio

import pytest

from limelight.server.streams import EventStreams

pytestmark = pytest.mark.anyio


async def test_messages_come_out_in_the_order_they_went_in(streams: EventStreams) -> None:
    for n in range(5):
        await streams.publish("c", {"msg": "log", "n": n})
    await streams.publish("c", {"msg": "log", "n": 5})
    taken = await streams.take("c", 1)
    assert [m["n"] for m in taken] == [0, 1, 2, 3, 4, 5]
    assert not await streams.buffered("c")


async def test_a_reader_waiting_on_an_empty_channel_wakes_on_publish(
    streams: EventStreams,
) -> None:
    reader = asyncio.ensure_future(streams.take("c", 5))
    await asyncio.sleep(0)
    await streams.publish("c", {"msg": "heartbeat"})
    assert await asyncio.wait_for(reader, 2) == [{"msg": "heartbeat"}]


async def test_channels_are_apart_and_discarded_channels_forgotten(
    streams: EventStreams,
) -> None:
    await streams.publish("a", {"msg": "x"})
    await streams.publish("b", {"msg": "y"})
    await streams.discard("a")
    assert not await streams.buffered("a")
    assert await streams.take("b", 1) == [{"msg": "y"}]
    assert await streams.take("a", 0.01) == []


async def test_idle_channels_expire(streams: EventStreams) -> None:
    await streams.publish("old", {"msg": "x"})
    assert await streams.expire(0) == 1
    assert not await streams.buffered("old")
