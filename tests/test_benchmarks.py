"""The benchmark suite stays runnable: one cheap figure for limelight, no timing asserted."""

from __future__ import annotations

import asyncio

import pytest
from benchmarks import calls, cli, page, startup
from benchmarks.env import limelight_ui
from benchmarks.report import Results, compare, table
from benchmarks.servers import Server


def test_latency_figure_runs_against_limelight() -> None:
    results = Results()
    plan = calls.Plan(latency_batches=1, latency_calls=5)
    with Server(limelight_ui(), "calls", ready_path="/config") as server:
        asyncio.run(calls._latency(server, plan, results))
    summary = results.summary("call_ms", "limelight")
    assert summary is not None and summary["n"] == 5
    assert "call/v2 + SSE latency" in table(results)


def test_compare_flags_only_regressions_beyond_twice() -> None:
    old, new = Results(), Results()
    old.add("call_ms", "limelight", [1.0])
    old.add("tput50_none", "limelight", [1000.0])
    new.add("call_ms", "limelight", [2.5])
    new.add("tput50_none", "limelight", [600.0])
    flagged = compare(new.to_json({}), old.to_json({}))
    assert len(flagged) == 1 and flagged[0].startswith("call/v2 + SSE latency")


def test_every_group_has_a_quick_and_a_full_plan() -> None:
    assert set(cli.QUICK) == set(cli.FULL) == set(cli.GROUPS)
    assert isinstance(cli.QUICK["page"], page.Plan)
    assert isinstance(cli.QUICK["startup"], startup.Plan)


def test_the_scaleout_benchmark_skips_with_a_reason_when_something_is_missing(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from benchmarks import scaleout

    monkeypatch.setattr(scaleout, "missing", lambda: ["the Redis backend (limelight.backends)"])
    assert scaleout.main(["--seconds", "0.1"]) == 2
    assert "needs the Redis backend" in capsys.readouterr().err
