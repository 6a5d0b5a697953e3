"""The compat harness counts clock readings taken while both servers started as equal."""

from __future__ import annotations

from benchmarks.compat.clock import equal_but_startup_clock


def test_timestamps_within_the_start_up_window_are_equal() -> None:
    ours = {"data": [[1796672149370, 784, "DAL"]], "when": "2026-12-07 19:30:01"}
    theirs = {"data": [[1796672154928, 784, "DAL"]], "when": "2026-12-07 19:30:04"}
    assert equal_but_startup_clock(ours, theirs, 6.0)
    assert not equal_but_startup_clock(ours, theirs, 5.0)


def test_other_differences_still_count() -> None:
    assert not equal_but_startup_clock([1796672149370, 1], [1796672149370, 2], 60.0)
    assert not equal_but_startup_clock({"a": 1}, {"b": 1}, 60.0)
    assert not equal_but_startup_clock([100, "x"], [101, "x"], 60.0)
