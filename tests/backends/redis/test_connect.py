"""The Redis backend's services as one app gets them (``backends/redis/connect.py``): the
queue's lease from ``LIMELIGHT_LEASE_SECONDS``."""

from __future__ import annotations

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
