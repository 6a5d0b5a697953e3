"""Figures, their summaries, the printed table, the JSON file and the regression check."""

from __future__ import annotations

import json
import statistics
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = ["FIGURES", "Figure", "Results", "compare", "table"]


@dataclass(frozen=True)
class Figure:
    """One row of the table: what is measured, its unit, and the target from issue 7."""

    key: str
    label: str
    unit: str
    lower_is_better: bool = True
    target: float | None = None
    """limelight's target (a maximum, or a minimum when higher is better); None: ratio only."""


FIGURES = [
    Figure("import_s", "import time", "s", target=0.15),
    Figure("startup_s", "start-up to first 200 (hello)", "s", target=0.5),
    Figure("idle_rss_mib", "idle RSS (hello)", "MiB", target=50),
    Figure("idle_cpu_pct", "idle CPU, no clients", "%", target=0.5),
    Figure("page_kb", "page weight (hello)", "KB", target=60),
    Figure("page_requests", "page requests (hello)", "req", target=10),
    Figure("tti_s", "time to interactive (hello)", "s", target=0.2),
    Figure("call_ms", "call/v2 + SSE latency, trivial fn", "ms", target=2.0),
    Figure("call_cpu_ms", "server CPU per call", "ms", target=1.0),
    Figure("tput50_default", "throughput 50 clients, default limit", "calls/s", False, 1500),
    Figure("tput50_none", "throughput 50 clients, no limit", "calls/s", False, 1500),
    Figure("tput200_default", "throughput 200 clients, default limit", "calls/s", False, 1500),
    Figure("tput200_default_p50", "  latency p50 at 200, default limit", "s"),
    Figure("tput200_default_p99", "  latency p99 at 200, default limit", "s", target=0.5),
    Figure("tput200_none", "throughput 200 clients, no limit", "calls/s", False, 1500),
    Figure("tput200_none_p50", "  latency p50 at 200, no limit", "s"),
    Figure("tput200_none_p99", "  latency p99 at 200, no limit", "s", target=0.5),
    Figure("sleep100_s", "100 clients x async 1 s sleep, wall", "s", target=1.2),
    Figure("stream_first_ms", "streaming: first token", "ms", target=2.0),
    Figure("stream_tok_s", "streaming: tokens per second", "tok/s", False, 10_000),
    Figure("session_kib", "memory per idle session", "KiB", target=10),
    Figure("large_tti_s", "large app: first textbox editable", "s", target=0.5),
    Figure("large_config_kb", "large app: config bytes on the wire", "KB", target=60),
    Figure("large_longtask_ms", "large app: main-thread long tasks", "ms", target=150),
    Figure("client_ms", "gradio_client.predict round trip", "ms"),
    Figure("limelight_client_ms", "limelight.Client.predict round trip", "ms", target=10.0),
]
BY_KEY = {figure.key: figure for figure in FIGURES}


@dataclass
class Results:
    """Samples per figure and library, plus notes (load, CPU of the load generator...)."""

    samples: dict[str, dict[str, list[float]]] = field(default_factory=dict)
    notes: dict[str, dict[str, Any]] = field(default_factory=dict)

    def add(self, key: str, ui: str, values: list[float], **notes: Any) -> None:
        """Record ``values`` (one per run or per call) of figure ``key`` for ``ui``; a
        later round adds to the samples (and notes) of an earlier one."""
        if key not in BY_KEY:
            raise KeyError(f"unknown figure {key!r}")
        self.samples.setdefault(key, {}).setdefault(ui, []).extend(float(v) for v in values)
        kept = self.notes.setdefault(key, {}).setdefault(ui, {})
        for name, value in notes.items():
            kept.setdefault(name, []).extend(value if isinstance(value, list) else [value])

    def summary(self, key: str, ui: str) -> dict[str, float] | None:
        """Median, min and max of a figure's samples, or None when it was not measured."""
        values = self.samples.get(key, {}).get(ui)
        if not values:
            return None
        return {
            "median": statistics.median(values),
            "min": min(values),
            "max": max(values),
            "n": len(values),
        }

    def to_json(self, meta: dict[str, Any]) -> dict[str, Any]:
        """Everything measured, in the shape ``compare`` reads back."""
        figures = {}
        for figure in FIGURES:
            if figure.key not in self.samples:
                continue
            per_ui = {ui: self.summary(figure.key, ui) for ui in self.samples[figure.key]}
            figures[figure.key] = {
                "label": figure.label,
                "unit": figure.unit,
                "lower_is_better": figure.lower_is_better,
                "target": figure.target,
                "summary": per_ui,
                "samples": self.samples[figure.key],
                "notes": {ui: n for ui, n in self.notes.get(figure.key, {}).items() if n},
            }
        return {"meta": meta, "figures": figures}

    def write(self, path: Path, meta: dict[str, Any]) -> None:
        """Write the JSON file (its folder is created)."""
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(self.to_json(meta), indent=1) + "\n", encoding="utf-8")


def _fmt(value: float) -> str:
    if value == 0:
        return "0"
    if abs(value) >= 100:
        return f"{value:,.0f}"
    if abs(value) >= 10:
        return f"{value:.1f}"
    if abs(value) >= 1:
        return f"{value:.2f}"
    return f"{value:.3f}"


def _cell(summary: dict[str, float] | None) -> str:
    if summary is None:
        return "-"
    if summary["n"] == 1:
        return _fmt(summary["median"])
    return f"{_fmt(summary['median'])} ({_fmt(summary['min'])}-{_fmt(summary['max'])})"


def _meets(figure: Figure, value: float) -> str:
    if figure.target is None:
        return ""
    ok = value <= figure.target if figure.lower_is_better else value >= figure.target
    return "yes" if ok else "NO"


def table(results: Results) -> str:
    """The side-by-side table: medians (min-max), the limelight/Gradio ratio, the target."""
    head = ["figure", "unit", "limelight", "gradio", "ratio", "target", "met"]
    rows = [head]
    for figure in FIGURES:
        if figure.key not in results.samples:
            continue
        mine = results.summary(figure.key, "limelight")
        theirs = results.summary(figure.key, "gradio")
        ratio = ""
        if mine and theirs and theirs["median"]:
            ratio = f"{mine['median'] / theirs['median']:.2f}x"
        bound = "<=" if figure.lower_is_better else ">="
        target = f"{bound} {_fmt(figure.target)}" if figure.target is not None else ""
        met = _meets(figure, mine["median"]) if mine else ""
        rows.append([figure.label, figure.unit, _cell(mine), _cell(theirs), ratio, target, met])
    widths = [max(len(row[i]) for row in rows) for i in range(len(head))]
    lines = [" | ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip() for row in rows]
    lines.insert(1, "-+-".join("-" * w for w in widths))
    return "\n".join(lines)


def compare(current: dict[str, Any], saved: dict[str, Any], factor: float = 2.0) -> list[str]:
    """limelight figures that got more than ``factor`` times worse than in ``saved``."""
    flagged = []
    for key, entry in current["figures"].items():
        old = saved.get("figures", {}).get(key, {}).get("summary", {}).get("limelight")
        new = entry["summary"].get("limelight")
        if not old or not new or old["median"] <= 0 or new["median"] <= 0:
            continue
        worse = new["median"] / old["median"]
        if not entry["lower_is_better"]:
            worse = 1 / worse
        if worse > factor:
            flagged.append(
                f"{entry['label']}: {_fmt(old['median'])} -> {_fmt(new['median'])} "
                f"{entry['unit']} ({worse:.1f}x worse)"
            )
    return flagged
