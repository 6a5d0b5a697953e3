"""The command: set up Gradio if a group needs it, run the figure groups for both libraries,
print the table, write the JSON, and optionally flag regressions against a saved run."""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .env import GRADIO_VERSION, REPO, UI, default_gradio_venv, ensure_gradio, limelight_ui, quiet
from .groups import GROUPS, Group
from .report import Results, Skipped, compare, table

__all__ = ["main", "parse", "selected_groups"]


def _epilog() -> str:
    lines = ["groups (* run by default; the others with --only NAME or --all):"]
    for group in GROUPS.values():
        lines.append(f"  {group.name:10} {'*' if group.default else ' '} {group.about}")
    return "\n".join(lines)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description="limelight and Gradio side by side.",
        epilog=_epilog(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--quick", action="store_true", help="the quick plans (default groups: under 3 minutes)"
    )
    parser.add_argument(
        "--rounds", type=int, default=None, help="rounds, alternating order (full: 2, quick: 1)"
    )
    parser.add_argument(
        "--only", action="append", choices=list(GROUPS), help="run this group (repeatable)"
    )
    parser.add_argument("--all", action="store_true", help="run every group")
    parser.add_argument(
        "--ui", action="append", choices=["limelight", "gradio"], help="library (default both)"
    )
    parser.add_argument(
        "--gradio-venv", type=Path, default=default_gradio_venv(), help="Gradio's environment"
    )
    parser.add_argument(
        "--out", type=Path, default=None, help="JSON file (default benchmarks/results/)"
    )
    parser.add_argument(
        "--compare", type=Path, default=None, help="flag >2x regressions against this JSON"
    )
    return parser


def parse(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The command's arguments (``--only`` and ``--all`` exclude each other)."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.all and args.only:
        parser.error("--all runs every group; leave out --only")
    return args


def selected_groups(args: argparse.Namespace) -> list[Group]:
    """The groups to run, in the suite's order."""
    if args.all:
        return list(GROUPS.values())
    if args.only:
        return [group for group in GROUPS.values() if group.name in args.only]
    return [group for group in GROUPS.values() if group.default]


@dataclass
class _Run:
    """What one run of the suite did, besides its figures."""

    loads: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    skipped: dict[str, str] = field(default_factory=dict)


def _uis(args: argparse.Namespace, groups: list[Group]) -> list[UI]:
    """The libraries asked for; Gradio is set up only when a group measures it."""
    names = args.ui or ["limelight", "gradio"]
    uis = [limelight_ui()] if "limelight" in names else []
    if "gradio" in names and not all(group.limelight_only for group in groups):
        uis.append(ensure_gradio(args.gradio_venv))
    return uis


def _run_group(group: Group, ui: UI, plan: Any, results: Results, run: _Run) -> None:
    load = os.getloadavg()[0]
    run.loads.append(f"{group.name}/{ui.name}: {load:.1f}")
    began = time.perf_counter()
    try:
        group.run(ui, plan, results)
    except Skipped as skip:
        run.skipped[group.name] = str(skip)
        print(f"- {group.name}: skipped: {skip}", file=sys.stderr, flush=True)
        return
    except Exception as exc:  # one failed group must not lose the others
        run.failures.append(f"{group.name}/{ui.name}: {exc}")
        print(f"! {group.name}: {ui.name} failed: {exc}", file=sys.stderr, flush=True)
        return
    took = time.perf_counter() - began
    print(f"* {group.name}: {ui.name} ({took:.0f} s, load {load:.1f})", flush=True)


def _meta(args: argparse.Namespace, started: float, rounds: int, run: _Run) -> dict[str, Any]:
    return {
        "mode": "quick" if args.quick else "full",
        "groups": [group.name for group in selected_groups(args)],
        "started": time.strftime("%Y-%m-%dT%H:%M:%S", time.localtime(started)),
        "seconds": round(time.time() - started, 1),
        "gradio": GRADIO_VERSION,
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "load_average": os.getloadavg(),
        "rounds": rounds,
        "load_per_group": run.loads,
        "failures": run.failures,
        "skipped": run.skipped,
    }


def main(argv: Sequence[str] | None = None) -> int:
    """Run the suite; returns 1 when a group failed or ``--compare`` finds a regression."""
    args = parse(argv)
    quiet()
    started = time.time()
    groups = selected_groups(args)
    uis = _uis(args, groups)
    rounds = args.rounds or (1 if args.quick else 2)
    results, run = Results(), _Run()
    for group in groups:
        results.define(*group.figures)
    for round_ in range(rounds):
        order = uis if round_ % 2 == 0 else uis[::-1]
        for group in groups:
            for ui in order:
                if (ui.name == "gradio" and group.limelight_only) or group.name in run.skipped:
                    continue
                _run_group(group, ui, group.quick if args.quick else group.full, results, run)
    print(f"\n{os.cpu_count()} CPUs; 1-minute load average at the start of each group:")
    print("  " + ", ".join(run.loads) + "\n")
    print(table(results))
    out = args.out or REPO / "benchmarks" / "results" / time.strftime("%Y%m%d-%H%M%S.json")
    meta = _meta(args, started, rounds, run)
    results.write(out, meta)
    print(f"\nwritten to {out} ({meta['seconds']} s)")
    if args.compare is None:
        return 1 if run.failures else 0
    flagged = compare(results.to_json(meta), json.loads(args.compare.read_text()))
    for line in flagged:
        print(f"REGRESSION {line}", file=sys.stderr)
    return 1 if flagged or run.failures else 0
