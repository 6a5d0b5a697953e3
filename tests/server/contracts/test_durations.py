"""The event durations' contract: means and ETAs."""

from __future__ import annotations

import pytest

from limelight.server.durations import Durations

pytestmark = pytest.mark.anyio


async def test_the_mean_duration_is_kept_per_event(durations: Durations) -> None:
    assert durations.mean(0) is None
    assert await durations.add(0, 1.0) == 1.0
    assert await durations.add(0, 3.0) == 2.0
    await durations.add(1, 10.0)
    assert durations.mean(0) == 2.0
    assert durations.mean(1) == 10.0


async def test_an_eta_counts_the_rounds_of_jobs_ahead(durations: Durations) -> None:
    assert durations.eta(0, 3, 1) is None
    await durations.add(0, 2.0)
    # One at a time: rank 3 starts after four jobs; two at a time, after two rounds.
    assert durations.eta(0, 3, 1) == 8.0
    assert durations.eta(0, 3, 2) == 4.0
    assert durations.eta(0, 0, 1) == 2.0
    assert durations.eta(0, 5, None) == 2.0
