"""The login limiter's contract: failures counted per client in a window."""

from __future__ import annotations

import pytest

from limelight.server.logins import (
    LoginLimiter,
)
from tests.server.contracts.support import LIMIT, WINDOW, Clock

pytestmark = pytest.mark.anyio


async def test_a_client_is_refused_after_the_limit_of_failures(
    limiter: LoginLimiter, clock: Clock
) -> None:
    for _ in range(LIMIT - 1):
        await limiter.failed("a")
        clock.advance(1)
    assert await limiter.retry_after("a") == 0
    await limiter.failed("a")
    # The oldest failure, 2 seconds ago, leaves the window in 58 seconds.
    assert 58 <= await limiter.retry_after("a") <= 59
    assert await limiter.retry_after("b") == 0


async def test_failures_leave_the_window_one_by_one(limiter: LoginLimiter, clock: Clock) -> None:
    await limiter.failed("a")
    clock.advance(WINDOW / 2)
    for _ in range(LIMIT - 1):
        await limiter.failed("a")
    assert await limiter.retry_after("a") > 0
    clock.advance(WINDOW / 2)
    assert await limiter.retry_after("a") == 0
    await limiter.failed("a")
    assert await limiter.retry_after("a") > 0


async def test_a_success_resets_the_client_only(limiter: LoginLimiter) -> None:
    for _ in range(LIMIT):
        await limiter.failed("a")
        await limiter.failed("b")
    await limiter.succeeded("a")
    assert await limiter.retry_after("a") == 0
    assert await limiter.retry_after("b") > 0


async def test_clients_with_no_recent_failure_are_forgotten(
    limiter: LoginLimiter, clock: Clock
) -> None:
    await limiter.failed("a")
    clock.advance(WINDOW / 2)
    await limiter.failed("b")
    assert await limiter.expire() == 0
    clock.advance(WINDOW / 2)
    assert await limiter.expire() == 1
    for _ in range(LIMIT - 1):
        await limiter.failed("b")
    assert await limiter.retry_after("b") > 0
