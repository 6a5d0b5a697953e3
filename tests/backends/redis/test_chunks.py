"""Media stream chunks posted to one process reach the job running on another."""

from __future__ import annotations

import pytest
from redis.asyncio import Redis

from limelight.backends.redis.chunks import RedisChunkFeeds
from tests.backends.redis.conftest import PREFIX
from tests.support import wait_until

pytestmark = pytest.mark.anyio


async def test_chunks_posted_to_one_process_reach_the_job_on_another(
    clients: tuple[Redis, Redis],
) -> None:
    running, posting = RedisChunkFeeds(clients[0], PREFIX), RedisChunkFeeds(clients[1], PREFIX)
    await running.open("e")
    assert await posting.is_open("e")
    feed = running.feed("e")
    await posting.push("e", [{"frame": 1}])
    assert await feed.next(5) == [{"frame": 1}]
    await posting.close("e")
    assert await feed.next(5) is None
    assert feed.closed
    await running.discard("e")
    assert not await posting.is_open("e")


async def test_only_the_newest_unread_chunk_is_kept(clients: tuple[Redis, Redis]) -> None:
    running, posting = RedisChunkFeeds(clients[0], PREFIX), RedisChunkFeeds(clients[1], PREFIX)
    await running.open("e")
    for frame in range(5):
        await posting.push("e", [frame])
    feed = running.feed("e")
    assert await feed.next(5) == [4]
    await running.discard("e")


async def test_a_stream_closed_while_the_job_runs_ends_it(clients: tuple[Redis, Redis]) -> None:
    running, posting = RedisChunkFeeds(clients[0], PREFIX), RedisChunkFeeds(clients[1], PREFIX)
    await running.open("e")
    feed = running.feed("e")
    await posting.close("e")
    # The job checks ``closed`` between its runs, without reading the feed.
    await wait_until(lambda: feed.closed)
    await running.discard("e")
