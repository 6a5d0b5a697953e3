"""Login tokens and failed logins across processes."""

from __future__ import annotations

import pytest
from redis.asyncio import Redis

from limelight.backends.redis.logins import RedisLoginLimiter, RedisTokenStore
from tests.backends.redis.conftest import PREFIX

pytestmark = pytest.mark.anyio


async def test_a_token_issued_by_one_process_is_valid_on_another(
    clients: tuple[Redis, Redis],
) -> None:
    a, b = RedisTokenStore(clients[0], PREFIX, 60.0), RedisTokenStore(clients[1], PREFIX, 60.0)
    token = await a.issue("ann")
    assert await b.user(token) == "ann"
    assert 0 < await clients[1].pttl(f"{PREFIX}token:{token}") <= 60_000
    await b.revoke(token)
    assert await a.user(token) is None


async def test_tokens_without_a_life_last_until_logout(clients: tuple[Redis, Redis]) -> None:
    tokens = RedisTokenStore(clients[0], PREFIX)
    token = await tokens.issue("ann")
    assert await clients[0].pttl(f"{PREFIX}token:{token}") == -1
    assert await tokens.expire() == 0
    assert await tokens.user(token) == "ann"


async def test_failures_count_across_processes(clients: tuple[Redis, Redis]) -> None:
    a = RedisLoginLimiter(clients[0], PREFIX, limit=4)
    b = RedisLoginLimiter(clients[1], PREFIX, limit=4)
    for limiter in (a, b, a):
        await limiter.failed("10.0.0.1")
    assert await b.retry_after("10.0.0.1") == 0
    await b.failed("10.0.0.1")
    assert await a.retry_after("10.0.0.1") > 0
    await b.succeeded("10.0.0.1")
    assert await a.retry_after("10.0.0.1") == 0
