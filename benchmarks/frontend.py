"""The frontend on its own (limelight only): each micro-benchmark of ``frontend/bench/``
(``npm run bench``, Vitest's bench mode in happy-dom) as its mean time in microseconds, and
the gzip size of the built page's entry (the JS and CSS ``index.html`` loads) and of each
lazy chunk a component loads when a page uses it (``chunks.json``). Run alone with
``python -m benchmarks.frontend``: the suite's command with ``--only frontend``."""

from __future__ import annotations

import gzip
import json
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .env import REPO, UI
from .report import Figure, Results

__all__ = ["FIGURES", "Plan", "bench_figures", "chunk_name", "run"]

FRONTEND = REPO / "frontend"
STATIC = REPO / "src" / "limelight" / "static"
OWN_BUILD = "limelight's own frontend build (the page group weighs both pages)"
OWN_CODE = "a micro-benchmark of limelight's own frontend code"
FIGURES = (
    Figure("page_entry_gzip_kb", "built page: entry JS + CSS, gzip", "KB", gradio_na=OWN_BUILD),
)
ASSET = re.compile(r"""(?:src|href)="\./(assets/[^"]+\.(?:js|css))\"""")
HASH = re.compile(r"-[A-Za-z0-9_-]{8}$")


@dataclass(frozen=True)
class Plan:
    """What to run: the micro-benchmarks time themselves (each file sets its own time)."""

    benches: bool = True
    timeout_s: float = 900.0


def chunk_name(path: str) -> str:
    """``assets/markdown_full-px3mQTJN.js`` -> ``markdown_full`` (the name without its hash)."""
    return HASH.sub("", Path(path).stem)


def _gzip_kb(path: Path) -> float:
    return len(gzip.compress(path.read_bytes(), compresslevel=9)) / 1000


def _bundle_sizes(ui: UI, results: Results) -> None:
    index, chunks = STATIC / "index.html", STATIC / "chunks.json"
    if not index.exists() or not chunks.exists():
        raise RuntimeError(f"no built frontend in {STATIC}: run `npm run build` in frontend/")
    entry = ASSET.findall(index.read_text(encoding="utf-8"))
    results.add("page_entry_gzip_kb", ui.name, [sum(_gzip_kb(STATIC / f) for f in entry)])
    lazy = sorted({f for files in json.loads(chunks.read_text()).values() for f in files})
    for file in lazy:
        if file in entry:
            continue
        key = f"chunk_{chunk_name(file)}_gzip_kb"
        label = f"  lazy chunk {chunk_name(file)}, gzip"
        results.define(Figure(key, label, "KB", gradio_na=OWN_BUILD))
        results.add(key, ui.name, [_gzip_kb(STATIC / file)])


def bench_figures(report: dict[str, Any]) -> list[tuple[Figure, float]]:
    """Each benchmark of a Vitest ``--outputJson`` report as a figure and its mean, in
    microseconds (the report's are milliseconds; a micro-benchmark takes far less)."""
    found = []
    for file in report.get("files", []):
        stem = Path(file["filepath"]).name.removesuffix(".bench.ts")
        for group in file.get("groups", []):
            suite = group["fullName"].split(" > ", 1)[-1]
            for bench in group.get("benchmarks", []):
                name = f"{stem}: {suite} > {bench['name']}"
                figure = Figure(f"bench:{name}", f"bench {name}", "us", gradio_na=OWN_CODE)
                found.append((figure, float(bench["mean"]) * 1000))
    return found


def _run_benches(ui: UI, plan: Plan, results: Results) -> None:
    if not (FRONTEND / "node_modules").is_dir():
        raise RuntimeError("no frontend/node_modules: run `npm ci` in frontend/")
    with tempfile.TemporaryDirectory(prefix="limelight-bench-") as work:
        out = Path(work) / "bench.json"
        command = ["npm", "run", "--silent", "bench", "--", "--passWithNoTests"]
        subprocess.run(
            [*command, "--outputJson", str(out)], cwd=FRONTEND, check=True, timeout=plan.timeout_s
        )
        # No bench file, no report: nothing to record.
        report = json.loads(out.read_text()) if out.exists() else {}
    for figure, mean in bench_figures(report):
        results.define(figure)
        results.add(figure.key, ui.name, [mean])


def run(ui: UI, plan: Plan, results: Results) -> None:
    """Measure this group's figures (limelight only)."""
    _bundle_sizes(ui, results)
    if plan.benches:
        _run_benches(ui, plan, results)


if __name__ == "__main__":
    # The suite's command imports this module under its package name; run alone, this
    # module is __main__ and can import the command only once it has loaded.
    from benchmarks.cli import main

    raise SystemExit(main(["--only", "frontend", *sys.argv[1:]]))
