"""Event streams across processes: publish on one, read on another, reconnect, expire."""

from __future__ import annotations

import asyncio

import pytest
from redis.asyncio import Redis

from limelight.backends.redis.streams import RedisEventStreams
from tests.backends.redis.conftest import PREFIX
from tests.support import wait_until

pytestmark = pytest.mark.anyio


def pair(clients: tuple[Redis, Redis]) -> tuple[RedisEventStreams, RedisEventStreams]:
    return RedisEventStreams(clients[0], PREFIX), RedisEventStreams(clients[1], PREFIX)


async def test_a_message_published_on_one_process_is_read_on_another(
    clients: tuple[Redis, Redis],
) -> None:
    a, b = pair(clients)
    reader = asyncio.ensure_future(b.take("session", 10))
    await asyncio.sleep(0)
    await a.publish("session", {"msg": "process_starts", "event_id": "e"})
    assert await asyncio.wait_for(reader, 5) == [{"msg": "process_starts", "event_id": "e"}]
    assert not await a.buffered("session")


async def test_a_reader_that_reconnects_elsewhere_gets_what_it_missed_in_order(
    clients: tuple[Redis, Redis],
) -> None:
    a, b = pair(clients)
    await a.publish("s", {"n": 0})
    assert await a.take("s", 1) == [{"n": 0}]
    # The reader went away; the job goes on publishing until it reconnects, on process B.
    for n in range(1, 4):
        await a.publish("s", {"n": n})
    assert await b.buffered("s")
    assert await b.take("s", 1) == [{"n": 1}, {"n": 2}, {"n": 3}]
    assert await b.take("s", 0.01) == []


async def test_publishes_started_together_keep_their_order(clients: tuple[Redis, Redis]) -> None:
    a, b = pair(clients)
    await asyncio.gather(*(a.publish("s", {"n": n}) for n in range(50)))
    assert [m["n"] for m in await b.take("s", 1)] == list(range(50))


async def test_messages_round_trip_as_json_values(clients: tuple[Redis, Redis]) -> None:
    a, b = pair(clients)
    message = {
        "msg": "process_completed",
        "output": {"data": [1.5, None, True, "ünïcode ✓", {"nested": [[], {}]}]},
        "success": True,
    }
    await a.publish("s", message)
    assert await b.take("s", 1) == [message]


async def test_values_json_lacks_are_sent_as_the_stream_writer_sends_them(
    clients: tuple[Redis, Redis],
) -> None:
    a, b = pair(clients)
    await a.publish("s", {"output": {"data": [{1, 2}, (3, 4), float("nan")]}})
    assert await b.take("s", 1) == [{"output": {"data": [[1, 2], [3, 4], None]}}]


async def test_apps_with_other_prefixes_do_not_see_the_messages(
    clients: tuple[Redis, Redis],
) -> None:
    mine, other = RedisEventStreams(clients[0], PREFIX), RedisEventStreams(clients[1], "x:")
    await mine.publish("s", {"msg": "mine"})
    assert not await other.buffered("s")
    assert await other.take("s", 0.01) == []
    assert await mine.take("s", 1) == [{"msg": "mine"}]


async def test_an_unread_backlog_is_bounded_and_keeps_the_newest(
    clients: tuple[Redis, Redis],
) -> None:
    a = RedisEventStreams(clients[0], PREFIX, max_backlog=100)
    for n in range(1000):
        await a.publish("s", {"n": n})
    taken = await a.take("s", 1)
    # Trimming is approximate (whole nodes of the stream), but far below what was sent.
    assert len(taken) < 300
    assert taken[-1] == {"n": 999}


async def test_an_idle_channel_expired_by_one_process_is_gone_for_all(
    clients: tuple[Redis, Redis],
) -> None:
    a, b = pair(clients)
    await a.publish("old", {"msg": "x"})
    assert await clients[0].pttl(f"{PREFIX}stream:old") > 0
    assert await b.expire(0) == 1
    assert await a.expire(0) == 0
    assert not await a.buffered("old")


async def test_a_reader_cancelled_while_waiting_leaves_the_client_usable(
    clients: tuple[Redis, Redis],
) -> None:
    """A browser closing its stream cancels the reader blocked in XREAD; the connection it
    held must not hand its late reply to the next command."""
    a, b = pair(clients)
    reader = asyncio.ensure_future(a.take("s", 30))

    async def blocked() -> bool:
        return any(c.get("cmd") == "xread" for c in await clients[1].client_list())

    await wait_until(blocked)
    reader.cancel()
    await asyncio.gather(reader, return_exceptions=True)
    await b.publish("s", {"msg": "after"})
    assert await a.take("s", 1) == [{"msg": "after"}]
    assert await a.buffered("s") is False
