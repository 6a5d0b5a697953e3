"""Figures, their summaries, the printed table, the JSON file and the regression check."""

from __future__ import annotations

import json
import statistics
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = ["Figure", "Results", "Skipped", "compare", "table"]


@dataclass(frozen=True)
class Figure:
    """One row of the table: what is measured, its unit, which way is better, the target."""

    key: str
    label: str
    unit: str
    lower_is_better: bool = True
    target: float | None = None
    """limelight's target (a maximum, or a minimum when higher is better); None: ratio only."""
    gradio_na: str | None = None
    """Why Gradio has no such figure (the table says so); None: both are measured."""
    per_plan: bool = False
    """The value depends on the plan's size (tokens, runs), so ``compare`` only sets it
    against a run of the same mode."""


class Skipped(Exception):
    """A group cannot run on this machine; the message says what it lacks."""


@dataclass
class Results:
    """Samples per figure and library, plus notes (load, CPU of the load generator...)."""

    figures: dict[str, Figure] = field(default_factory=dict)
    samples: dict[str, dict[str, list[float]]] = field(default_factory=dict)
    notes: dict[str, dict[str, Any]] = field(default_factory=dict)

    def define(self, *figures: Figure) -> None:
        """Make ``figures`` known, in table order (the first definition of a key stays)."""
        for figure in figures:
            self.figures.setdefault(figure.key, figure)

    def add(self, key: str, ui: str, values: list[float], **notes: Any) -> None:
        """Record ``values`` (one per run or per call) of figure ``key`` for ``ui``; a
        later round adds to the samples (and notes) of an earlier one."""
        if key not in self.figures:
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

    def measured(self) -> list[Figure]:
        """The figures with samples, in table order."""
        return [figure for key, figure in self.figures.items() if key in self.samples]

    def to_json(self, meta: dict[str, Any]) -> dict[str, Any]:
        """Everything measured, in the shape ``compare`` reads back."""
        figures = {}
        for figure in self.measured():
            per_ui = {ui: self.summary(figure.key, ui) for ui in self.samples[figure.key]}
            figures[figure.key] = {
                "label": figure.label,
                "unit": figure.unit,
                "lower_is_better": figure.lower_is_better,
                "target": figure.target,
                "gradio_na": figure.gradio_na,
                "per_plan": figure.per_plan,
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
    if summary["min"] == summary["max"]:
        return _fmt(summary["median"])
    return f"{_fmt(summary['median'])} ({_fmt(summary['min'])}-{_fmt(summary['max'])})"


def _meets(figure: Figure, value: float) -> str:
    if figure.target is None:
        return ""
    ok = value <= figure.target if figure.lower_is_better else value >= figure.target
    return "yes" if ok else "NO"


def _gradio_cell(results: Results, figure: Figure, reasons: list[str]) -> str:
    if figure.gradio_na is None:
        return _cell(results.summary(figure.key, "gradio"))
    if figure.gradio_na not in reasons:
        reasons.append(figure.gradio_na)
    return f"n/a [{reasons.index(figure.gradio_na) + 1}]"


def table(results: Results) -> str:
    """The side-by-side table: medians (min-max), the limelight/Gradio ratio, the target;
    a figure Gradio cannot give says n/a with a numbered reason below the table."""
    head = ["figure", "unit", "limelight", "gradio", "ratio", "target", "met"]
    rows = [head]
    reasons: list[str] = []
    for figure in results.measured():
        mine = results.summary(figure.key, "limelight")
        theirs = results.summary(figure.key, "gradio")
        ratio = ""
        if mine and theirs and theirs["median"]:
            ratio = f"{mine['median'] / theirs['median']:.2f}x"
        bound = "<=" if figure.lower_is_better else ">="
        target = f"{bound} {_fmt(figure.target)}" if figure.target is not None else ""
        met = _meets(figure, mine["median"]) if mine else ""
        gradio = _gradio_cell(results, figure, reasons)
        rows.append([figure.label, figure.unit, _cell(mine), gradio, ratio, target, met])
    widths = [max(len(row[i]) for row in rows) for i in range(len(head))]
    lines = [" | ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip() for row in rows]
    lines.insert(1, "-+-".join("-" * w for w in widths))
    lines += [f"[{number}] {reason}" for number, reason in enumerate(reasons, 1)]
    return "\n".join(lines)


def compare(current: dict[str, Any], saved: dict[str, Any], factor: float = 2.0) -> list[str]:
    """limelight figures that got more than ``factor`` times worse than in ``saved``: higher
    for a lower-is-better figure, lower for a higher-is-better one. A figure that depends on
    the plan's size is only compared between runs of the same mode (quick or full)."""
    same_mode = current.get("meta", {}).get("mode") == saved.get("meta", {}).get("mode")
    flagged = []
    for key, entry in current["figures"].items():
        if entry.get("per_plan") and not same_mode:
            continue
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
