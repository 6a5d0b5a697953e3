"""Sessions across processes: saved on one, loaded on another; racing commits; expiry."""

from __future__ import annotations

import asyncio

import pytest
from redis.asyncio import Redis

from limelight.app.session_data import SessionData
from limelight.backends.redis.sessions import RedisSessionStore
from tests.backends.redis.conftest import PREFIX

pytestmark = pytest.mark.anyio


def pair(
    clients: tuple[Redis, Redis], **options: float
) -> tuple[RedisSessionStore, RedisSessionStore]:
    return (
        RedisSessionStore(clients[0], PREFIX, **options),  # type: ignore[arg-type]
        RedisSessionStore(clients[1], PREFIX, **options),  # type: ignore[arg-type]
    )


async def test_data_saved_by_one_process_is_loaded_by_another(
    clients: tuple[Redis, Redis],
) -> None:
    a, b = pair(clients)
    data = await a.load("s")
    data.set_value(1, {"text": "from A"})
    data.set_prop(2, "visible", False)
    await a.commit("s", data)
    loaded = await b.load("s")
    assert loaded.values == {1: {"text": "from A"}}
    assert loaded.props == {2: {"visible": False}}
    assert loaded.version == data.version == 1


async def write(store: RedisSessionStore, block_id: int) -> SessionData:
    data = await store.load("s")
    # Every writer loads before any saves: each save after the first conflicts.
    await asyncio.sleep(0)
    data.set_value(block_id, f"written by {block_id}")
    return await store.commit("s", data)


async def test_concurrent_commits_from_two_processes_lose_nothing(
    clients: tuple[Redis, Redis],
) -> None:
    a, b = pair(clients)
    await asyncio.gather(*(write(a if n % 2 else b, n) for n in range(6)))
    final = await a.load("s")
    assert final.values == {n: f"written by {n}" for n in range(6)}
    assert final.version == 6


async def test_a_session_expired_by_one_process_is_returned_to_it_alone(
    clients: tuple[Redis, Redis],
) -> None:
    a, b = pair(clients, ttl=-1.0)
    data = await a.load("s")
    data.set_value(1, "old")
    await a.commit("s", data)
    assert [gone.values for gone in await b.expire()] == [{1: "old"}]
    assert await a.expire() == []
    assert (await a.load("s")).values == {}


async def test_session_keys_carry_a_redis_expiry(clients: tuple[Redis, Redis]) -> None:
    a, _ = pair(clients, ttl=60.0)
    data = await a.load("s")
    data.set_value(1, "x")
    await a.commit("s", data)
    left = await clients[0].pttl(f"{PREFIX}session:s")
    assert 60_000 < left <= (60 + 3600) * 1000


async def test_a_deleted_session_is_gone_for_every_process(clients: tuple[Redis, Redis]) -> None:
    a, b = pair(clients)
    data = await a.load("s")
    data.set_value(1, "x")
    await a.commit("s", data)
    await b.delete("s")
    assert (await a.load("s")).values == {}
