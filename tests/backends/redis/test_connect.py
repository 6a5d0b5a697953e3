"""The Redis backend's services as one app gets them (``backends/redis/connect.py``): the
queue's lease from ``LIMELIGHT_LEASE_SECONDS``, and enough connections for every client
waiting on its event stream."""

from __future__ import annotations

import asyncio

import pytest

from limelight.backends.redis.connect import LEASE_ENV, lease_seconds, redis_implementations
from limelight.backends.redis.queue import LEASE_SECONDS, RedisQueue
from limelight.server.services import ServerSettings
from limelight.server.streams import InMemoryEventStreams


def test_the_lease_is_fifteen_seconds_unless_the_environment_says(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(LEASE_ENV, raising=False)
    assert lease_seconds() == LEASE_SECONDS == 15.0
    monkeypatch.setenv(LEASE_ENV, " 2.5 ")
    assert lease_seconds() == 2.5
    for wrong, says in (("soon", "in seconds"), ("0", "positive"), ("-1", "positive")):
        monkeypatch.setenv(LEASE_ENV, wrong)
        with pytest.raises(ValueError, match=says):
            lease_seconds()


@pytest.mark.anyio
async def test_the_apps_queue_holds_leases_of_the_configured_length(
    redis_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(LEASE_ENV, "3")
    services = redis_implementations(redis_url, "limelight:lease:", ServerSettings())
    queue = services["queue"](InMemoryEventStreams(), max_size=None, eta_of=None)
    assert isinstance(queue, RedisQueue) and queue.lease_seconds == 3.0
    await services["on_stop"]()


@pytest.mark.anyio
async def test_more_clients_wait_on_their_streams_than_redis_pys_default_pool_holds(
    redis_url: str,
) -> None:
    """Each waiting reader holds a connection: 150 of them exceeded redis-py's 100."""
    services = redis_implementations(redis_url, "limelight:many:", ServerSettings())
    streams = services["streams"]
    readers = [asyncio.ensure_future(streams.take(f"s{n}", 10)) for n in range(150)]
    for n in range(150):
        await streams.publish(f"s{n}", {"n": n})
    assert await asyncio.gather(*readers) == [[{"n": n}] for n in range(150)]
    await services["on_stop"]()
