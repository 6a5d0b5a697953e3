"""Upload progress and durations across processes."""

from __future__ import annotations

import pytest
from redis.asyncio import Redis

from limelight.backends.redis.progress import RedisDurations, RedisUploadProgress
from limelight.server.upload_progress import UploadState
from tests.backends.redis.conftest import PREFIX

pytestmark = pytest.mark.anyio


async def test_an_upload_received_by_one_process_is_followed_on_another(
    clients: tuple[Redis, Redis],
) -> None:
    receiving = RedisUploadProgress(clients[0], PREFIX)
    reporting = RedisUploadProgress(clients[1], PREFIX)
    await receiving.start("u", 10)
    await receiving.add("u", 4)
    assert await reporting.get("u") == UploadState(4, 10, False)
    await receiving.finish("u")
    assert await reporting.get("u") == UploadState(4, 10, True)
    assert await clients[1].pttl(f"{PREFIX}upload:u") > 0
    await reporting.forget("u")
    assert await receiving.get("u") is None


async def test_each_process_learns_the_durations_the_others_measured(
    clients: tuple[Redis, Redis],
) -> None:
    a, b = RedisDurations(clients[0], PREFIX), RedisDurations(clients[1], PREFIX)
    await a.add(0, 1.0)
    assert b.mean(0) is None
    assert await b.add(0, 3.0) == 2.0
    await a.add(1, 5.0)
    await b.refresh()
    assert (b.mean(0), b.mean(1)) == (2.0, 5.0)
    assert b.eta(1, 1, 1) == 10.0
