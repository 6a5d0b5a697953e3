"""The command: set up Gradio if missing, run the figure groups for both libraries, print
the table, write the JSON, and optionally flag regressions against a saved run."""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from . import calls, page, startup
from .env import GRADIO_VERSION, REPO, UI, default_gradio_venv, ensure_gradio, limelight_ui
from .report import Results, compare, table

__all__ = ["main"]

QUICK = {
    "startup": startup.Plan(imports=3, startups=2, settle_s=1.0, idle_s=3.0),
    "calls": calls.Plan(
        latency_batches=2,
        latency_calls=100,
        load_seconds=1.5,
        load_runs=1,
        nap_runs=1,
        streams=5,
        sessions=200,
        client_calls=10,
    ),
    "page": page.Plan(hello_loads=2, large_loads=1, settle_s=0.5),
}
FULL = {
    "startup": startup.Plan(imports=3, startups=3, idle_s=5.0),
    "calls": calls.Plan(
        latency_batches=3, load_seconds=4.0, load_runs=2, nap_runs=2, streams=10, client_calls=25
    ),
    "page": page.Plan(hello_loads=3, large_loads=2),
}
"""Each full round takes about half of the samples: two rounds, in opposite orders."""
GROUPS: dict[str, Callable[[UI, Any, Results], None]] = {
    "startup": startup.run,
    "calls": calls.run,
    "page": page.run,
}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks", description="limelight and Gradio side by side."
    )
    parser.add_argument("--quick", action="store_true", help="fewer runs (under 3 minutes)")
    parser.add_argument(
        "--rounds", type=int, default=None, help="rounds, alternating order (full: 2, quick: 1)"
    )
    parser.add_argument("--only", action="append", choices=sorted(GROUPS), help="figure group")
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


def _meta(args: argparse.Namespace, started: float) -> dict[str, Any]:
    return {
        "mode": "quick" if args.quick else "full",
        "started": time.strftime("%Y-%m-%dT%H:%M:%S", time.localtime(started)),
        "seconds": round(time.time() - started, 1),
        "gradio": GRADIO_VERSION,
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "load_average": os.getloadavg(),
    }


def main(argv: Sequence[str] | None = None) -> int:
    """Run the suite; returns 1 when ``--compare`` finds a regression."""
    args = _parser().parse_args(argv)
    started = time.time()
    names = args.ui or ["limelight", "gradio"]
    uis = [limelight_ui() if n == "limelight" else ensure_gradio(args.gradio_venv) for n in names]
    plans = QUICK if args.quick else FULL
    rounds = args.rounds or (1 if args.quick else 2)
    results = Results()
    loads: list[str] = []
    failures: list[str] = []
    for round_ in range(rounds):
        order = uis if round_ % 2 == 0 else uis[::-1]
        for group in args.only or list(GROUPS):
            for ui in order:
                load = os.getloadavg()[0]
                loads.append(f"{group}/{ui.name}: {load:.1f}")
                began = time.perf_counter()
                try:
                    GROUPS[group](ui, plans[group], results)
                except Exception as exc:  # one failed group must not lose the others
                    failures.append(f"{group}/{ui.name}: {exc}")
                    print(f"! {group}: {ui.name} failed: {exc}", file=sys.stderr, flush=True)
                    continue
                took = time.perf_counter() - began
                print(f"* {group}: {ui.name} ({took:.0f} s, load {load:.1f})", flush=True)
    print(f"\n{os.cpu_count()} CPUs; 1-minute load average at the start of each group:")
    print("  " + ", ".join(loads) + "\n")
    print(table(results))
    out = args.out or REPO / "benchmarks" / "results" / time.strftime("%Y%m%d-%H%M%S.json")
    meta = {
        **_meta(args, started),
        "rounds": rounds,
        "load_per_group": loads,
        "failures": failures,
    }
    results.write(out, meta)
    print(f"\nwritten to {out} ({meta['seconds']} s)")
    if args.compare is None:
        return 1 if failures else 0
    flagged = compare(results.to_json(meta), json.loads(args.compare.read_text()))
    for line in flagged:
        print(f"REGRESSION {line}", file=sys.stderr)
    return 1 if flagged or failures else 0
