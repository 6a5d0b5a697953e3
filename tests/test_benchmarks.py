"""The benchmark suite stays runnable: its command line, the table, the JSON it writes and
the regression check, mostly without starting servers; no timing is asserted."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import pytest
from benchmarks import calls, chat, cli, frontend, scaleout
from benchmarks.env import UI, limelight_ui
from benchmarks.groups import GROUPS, Group
from benchmarks.report import Figure, Results, compare, table
from benchmarks.servers import Server

LOWER = Figure("lat", "a latency", "ms")
HIGHER = Figure("tput", "a throughput", "calls/s", lower_is_better=False)
SIZED = Figure("total", "a total over the plan", "s", per_plan=True)
ONLY_OURS = Figure("ours", "a limelight figure", "ms", gradio_na="Gradio has none")


def _run(mode: str, **medians: float) -> dict[str, Any]:
    results = Results()
    results.define(LOWER, HIGHER, SIZED, ONLY_OURS)
    for key, value in medians.items():
        results.add(key, "limelight", [value])
    return results.to_json({"mode": mode})


def test_latency_figure_runs_against_limelight() -> None:
    results = Results()
    results.define(*calls.FIGURES)
    plan = calls.Plan(latency_batches=1, latency_calls=5)
    with Server(limelight_ui(), "calls", ready_path="/config") as server:
        asyncio.run(calls._latency(server, plan, results))
    summary = results.summary("call_ms", "limelight")
    assert summary is not None and summary["n"] == 5
    assert "call/v2 + SSE latency" in table(results)


def test_the_chat_stream_counts_one_message_per_yield_against_limelight() -> None:
    settings = {"CHAT_BENCH_TOKENS": "5", "CHAT_BENCH_RATE": "1000", "CHAT_BENCH_HISTORY": "4"}
    with Server(limelight_ui(), "chat", ready_path="/config", env=settings) as server:
        assert asyncio.run(chat._yields_of_one_stream(server.port)) == 6


def test_compare_flags_a_lower_is_better_figure_that_more_than_doubled() -> None:
    flagged = compare(_run("full", lat=2.5), _run("full", lat=1.0))
    assert flagged == ["a latency: 1.00 -> 2.50 ms (2.5x worse)"]
    assert compare(_run("full", lat=1.9), _run("full", lat=1.0)) == []
    assert compare(_run("full", lat=0.2), _run("full", lat=1.0)) == []


def test_compare_flags_a_higher_is_better_figure_that_fell_below_half() -> None:
    flagged = compare(_run("full", tput=400.0), _run("full", tput=1000.0))
    assert len(flagged) == 1 and flagged[0].startswith("a throughput: 1,000 -> 400")
    assert compare(_run("full", tput=600.0), _run("full", tput=1000.0)) == []
    assert compare(_run("full", tput=5000.0), _run("full", tput=1000.0)) == []


def test_compare_sets_a_plan_sized_figure_only_against_the_same_mode() -> None:
    assert compare(_run("full", total=20.0), _run("quick", total=3.0)) == []
    assert len(compare(_run("full", total=20.0), _run("full", total=3.0))) == 1


def test_compare_ignores_figures_the_saved_run_lacks() -> None:
    assert compare(_run("full", lat=5.0, ours=9.0), _run("full", tput=1.0)) == []


def test_the_json_holds_each_figure_with_its_direction_summary_and_gradio_reason() -> None:
    results = Results()
    results.define(LOWER, ONLY_OURS)
    results.add("lat", "limelight", [1.0, 3.0, 2.0], cpu_pct=[10])
    results.add("lat", "gradio", [4.0])
    results.add("ours", "limelight", [7.0])
    shape = json.loads(json.dumps(results.to_json({"mode": "quick"})))
    assert shape["meta"] == {"mode": "quick"}
    lat = shape["figures"]["lat"]
    assert lat["lower_is_better"] is True and lat["per_plan"] is False
    assert lat["summary"]["limelight"] == {"median": 2.0, "min": 1.0, "max": 3.0, "n": 3}
    assert lat["summary"]["gradio"]["median"] == 4.0
    assert lat["samples"]["limelight"] == [1.0, 3.0, 2.0]
    assert lat["notes"] == {"limelight": {"cpu_pct": [10]}}
    assert shape["figures"]["ours"]["gradio_na"] == "Gradio has none"
    assert list(shape["figures"]["ours"]["summary"]) == ["limelight"]


def test_the_table_says_why_gradio_has_no_figure_instead_of_a_hole() -> None:
    results = Results()
    results.define(LOWER, ONLY_OURS)
    results.add("lat", "limelight", [1.0])
    results.add("lat", "gradio", [4.0])
    results.add("ours", "limelight", [7.0])
    printed = table(results)
    assert "0.25x" in printed
    assert "n/a [1]" in printed and printed.endswith("[1] Gradio has none")


def test_a_figure_must_be_defined_before_it_is_recorded() -> None:
    with pytest.raises(KeyError):
        Results().add("nothing", "limelight", [1.0])


def test_every_group_has_a_quick_and_a_full_plan_of_its_own_kind() -> None:
    for group in GROUPS.values():
        assert type(group.quick) is type(group.full), group.name
        assert group.figures, group.name


def test_the_groups_gradio_cannot_run_are_limelight_only() -> None:
    only = {name for name, group in GROUPS.items() if group.limelight_only}
    assert only == {"audio", "scaleout", "frontend"}


def test_no_group_named_runs_the_fast_default_groups() -> None:
    assert [g.name for g in cli.selected_groups(cli.parse([]))] == ["startup", "calls", "page"]


def test_only_and_all_pick_groups_in_the_suites_order() -> None:
    args = cli.parse(["--only", "frontend", "--only", "chat", "--quick"])
    assert [g.name for g in cli.selected_groups(args)] == ["chat", "frontend"] and args.quick
    assert [g.name for g in cli.selected_groups(cli.parse(["--all"]))] == list(GROUPS)


@pytest.mark.parametrize("argv", [["--all", "--only", "chat"], ["--only", "nothing"]])
def test_the_command_refuses_contradictory_or_unknown_groups(argv: list[str]) -> None:
    with pytest.raises(SystemExit):
        cli.parse(argv)


def test_the_help_lists_every_group() -> None:
    assert all(name in cli._epilog() for name in GROUPS)


def _constant(ui: UI, plan: float, results: Results) -> None:
    results.add("lat", ui.name, [plan])


def test_a_run_writes_its_figures_and_flags_a_regression_against_a_saved_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = Group("fake", "a constant", _constant, (LOWER,), quick=1.0, full=5.0)
    monkeypatch.setattr(cli, "GROUPS", {"fake": fake})
    saved, out = tmp_path / "saved.json", tmp_path / "out.json"
    common = ["--only", "fake", "--ui", "limelight", "--rounds", "1"]
    assert cli.main([*common, "--quick", "--out", str(saved)]) == 0
    assert cli.main([*common, "--out", str(out), "--compare", str(saved)]) == 1
    written = json.loads(out.read_text())
    assert written["meta"]["mode"] == "full" and written["meta"]["groups"] == ["fake"]
    assert written["figures"]["lat"]["summary"]["limelight"]["median"] == 5.0


def test_a_group_that_cannot_run_here_is_skipped_with_its_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(scaleout, "missing", lambda: ["redis-server (scripts/setup-dev)"])
    out = tmp_path / "out.json"
    assert cli.main(["--only", "scaleout", "--quick", "--out", str(out)]) == 0
    assert "needs redis-server" in capsys.readouterr().err
    meta = json.loads(out.read_text())["meta"]
    assert meta["skipped"] == {"scaleout": "scale-out needs redis-server (scripts/setup-dev)"}
    assert meta["failures"] == []


def test_each_vitest_benchmark_becomes_a_limelight_only_figure_of_its_mean_in_us() -> None:
    report = {
        "files": [
            {
                "filepath": "/repo/frontend/bench/markdown.bench.ts",
                "groups": [
                    {
                        "fullName": "bench/markdown.bench.ts > parse 1 KB",
                        "benchmarks": [
                            {"id": "1", "name": "own", "mean": 0.25},
                            {"id": "2", "name": "marked", "mean": 0.5},
                        ],
                    }
                ],
            }
        ]
    }
    found = frontend.bench_figures(report)
    assert [(f.label, mean) for f, mean in found] == [
        ("bench markdown: parse 1 KB > own", 250.0),
        ("bench markdown: parse 1 KB > marked", 500.0),
    ]
    assert all(f.gradio_na and f.unit == "us" and f.lower_is_better for f, _ in found)
    assert frontend.bench_figures({}) == []


def test_bundle_sizes_weigh_the_entry_and_each_lazy_chunk_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assets = tmp_path / "assets"
    assets.mkdir()
    for name in (
        "index-AbCd1234.js",
        "index-EfGh5678.css",
        "chat-Zz_y-123.js",
        "media-x1x2x3x4.js",
    ):
        (assets / name).write_text("x" * 5000)
    (tmp_path / "index.html").write_text(
        '<script type="module" crossorigin src="./assets/index-AbCd1234.js"></script>'
        '<link rel="stylesheet" crossorigin href="./assets/index-EfGh5678.css">'
    )
    chunks = {"chatbot": ["assets/chat-Zz_y-123.js", "assets/media-x1x2x3x4.js"]}
    (tmp_path / "chunks.json").write_text(json.dumps({**chunks, "audio": chunks["chatbot"][1:]}))
    monkeypatch.setattr(frontend, "STATIC", tmp_path)
    results = Results()
    results.define(*frontend.FIGURES)
    frontend.run(limelight_ui(), frontend.Plan(benches=False), results)
    assert set(results.samples) == {
        "page_entry_gzip_kb",
        "chunk_chat_gzip_kb",
        "chunk_media_gzip_kb",
    }
    entry = results.summary("page_entry_gzip_kb", "limelight")
    chunk = results.summary("chunk_chat_gzip_kb", "limelight")
    assert entry is not None and chunk is not None and entry["median"] > chunk["median"] > 0
