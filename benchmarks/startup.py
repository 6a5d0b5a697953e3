"""Import time, start-up to the first 200, idle memory and idle CPU (the hello app)."""

from __future__ import annotations

import subprocess
import time
from dataclasses import dataclass

from .env import UI
from .report import Figure, Results
from .servers import Server, cpu_seconds, rss_mib

__all__ = ["FIGURES", "Plan", "run"]

FIGURES = (
    Figure("import_s", "import time", "s", target=0.15),
    Figure("startup_s", "start-up to first 200 (hello)", "s", target=0.5),
    Figure("idle_rss_mib", "idle RSS (hello)", "MiB", target=50),
    Figure("idle_cpu_pct", "idle CPU, no clients", "%", target=0.5),
)


@dataclass(frozen=True)
class Plan:
    """How many runs and how long to watch an idle server."""

    imports: int = 5
    startups: int = 5
    settle_s: float = 2.0
    idle_s: float = 10.0


def import_seconds(ui: UI) -> float:
    """Wall time of ``python -c "import X"`` (the whole process, as a user waits)."""
    start = time.perf_counter()
    subprocess.run([ui.python, "-c", f"import {ui.name}"], env=ui.env(), check=True)
    return time.perf_counter() - start


def idle_cpu_percent(pid: int, seconds: float) -> float:
    """CPU the server used over ``seconds`` with no client, in percent of one core."""
    before = cpu_seconds(pid)
    time.sleep(seconds)
    return (cpu_seconds(pid) - before) / seconds * 100


def run(ui: UI, plan: Plan, results: Results) -> None:
    """Measure this group's figures for ``ui`` (one warm-up of each excluded)."""
    import_seconds(ui)
    results.add("import_s", ui.name, [import_seconds(ui) for _ in range(plan.imports)])
    startups: list[float] = []
    rss: list[float] = []
    idle: list[float] = []
    with Server(ui, "hello"):
        pass  # warm-up: the first start reads every file from disk
    for run_ in range(plan.startups):
        with Server(ui, "hello") as server:
            startups.append(server.startup_s)
            time.sleep(plan.settle_s)
            rss.append(rss_mib(server.pid))
            if run_ == plan.startups - 1:
                idle.append(idle_cpu_percent(server.pid, plan.idle_s))
    results.add("startup_s", ui.name, startups)
    results.add("idle_rss_mib", ui.name, rss)
    results.add("idle_cpu_pct", ui.name, idle)
