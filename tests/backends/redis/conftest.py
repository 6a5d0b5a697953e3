"""Two clients of one Redis stand for two processes of one app (each has its own
connections); the stores each test builds on them share the app's key prefix."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from redis.asyncio import Redis

PREFIX = "limelight:test-app:"


@pytest.fixture
async def clients(redis_url: str) -> AsyncIterator[tuple[Redis, Redis]]:
    """A client for process A and one for process B."""
    first, second = Redis.from_url(redis_url), Redis.from_url(redis_url)
    yield first, second
    await first.aclose()
    await second.aclose()
