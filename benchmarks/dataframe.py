"""The 100,000 x 10 Dataframe in headless chromium, limelight and Gradio side by side:
time from navigation until its first rows show, the frames of 20 scroll steps through the
table (the longest frame, and the time until the rows of each step are drawn), and the
page's JS heap after garbage collection.

Run: python -m benchmarks.dataframe [--runs 2] [--gradio-python PATH]
(Gradio is measured when PATH, by default the Python of ``$BENCH_GRADIO_VENV`` or
``.bench-venv-gradio/``, exists). Needs Debian's chromium and Playwright.
"""

from __future__ import annotations

import argparse
import statistics
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from playwright.sync_api import Page, sync_playwright

from .env import UI, default_gradio_venv, limelight_ui
from .page import CHROMIUM, CHROMIUM_ARGS
from .servers import Server

__all__ = ["Figures", "main", "measure"]

GRADIO_PYTHON = str(default_gradio_venv() / "bin" / "python")
STEPS = 20
FIRST_CELL = "#df :text-is('11')"
"""Row 1, column 1 of the table: drawn once the first rows are (either library)."""
SCROLL = """async (steps) => {
  const root = document.querySelector('#df');
  const all = [root, ...root.querySelectorAll('*')];
  const el = all.filter((e) => e.scrollHeight > e.clientHeight + 1000)
    .sort((a, b) => b.scrollHeight - a.scrollHeight)[0];
  const frames = [];
  let running = true;
  const tick = (t) => { frames.push(t); if (running) requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
  const frame = () => new Promise((done) => requestAnimationFrame(done));
  const t0 = performance.now();
  for (let i = 1; i <= steps; i++) {
    el.scrollTop = (el.scrollHeight - el.clientHeight) * i / steps;
    el.dispatchEvent(new Event('scroll'));
    await frame();
    // limelight marks rows still on their way from the server as busy.
    while (root.querySelector('[aria-busy=true]')) await frame();
    await frame();
  }
  const total = performance.now() - t0;
  running = false;
  let longest = 0;
  for (let i = 1; i < frames.length; i++) longest = Math.max(longest, frames[i] - frames[i - 1]);
  return [total, longest];
}"""


@dataclass
class Figures:
    """One page load of the table."""

    first_rows_s: float
    scroll_s: float
    longest_frame_ms: float
    heap_mib: float


def _one_load(page: Page, url: str) -> Figures:
    client = page.context.new_cdp_session(page)
    start = time.perf_counter()
    page.goto(url)
    page.wait_for_selector(FIRST_CELL, state="visible", timeout=120_000)
    first = time.perf_counter() - start
    total, longest = page.evaluate(SCROLL, STEPS)
    client.send("HeapProfiler.collectGarbage")
    heap = client.send("Runtime.getHeapUsage")["usedSize"] / 2**20
    return Figures(first, total / 1000, longest, heap)


def measure(ui: UI, runs: int) -> list[Figures]:
    """``runs`` page loads of the table app served by ``ui``."""
    found = []
    # Ready when the API answers: the page of this table takes Gradio longer than the 2 s
    # Server gives one answer.
    server = Server(ui, "dataframe", timeout=300, ready_path="/gradio_api/info")
    with server, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for _ in range(runs):
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            found.append(_one_load(page, server.url))
            page.close()
        browser.close()
    return found


def _median(figures: list[Figures], name: str) -> Any:
    return statistics.median(getattr(f, name) for f in figures)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--gradio-python", default=GRADIO_PYTHON)
    args = parser.parse_args()
    uis = [limelight_ui()]
    if Path(args.gradio_python).exists():
        uis.append(UI("gradio", args.gradio_python, ""))
    results = {}
    for ui in uis:
        results[ui.name] = measure(ui, args.runs)
        print(ui.name, results[ui.name], flush=True)
    print(f"dataframe 100,000 x 10, median of {args.runs} loads")
    print(f"{'':34}" + "".join(f"{name:>12}" for name in results))
    rows = [
        ("first rows visible (s)", "first_rows_s", "{:.2f}"),
        (f"{STEPS} scroll steps, drawn (s)", "scroll_s", "{:.2f}"),
        ("longest frame while scrolling (ms)", "longest_frame_ms", "{:.0f}"),
        ("JS heap after GC (MiB)", "heap_mib", "{:.1f}"),
    ]
    for label, name, fmt in rows:
        cells = "".join(f"{fmt.format(_median(found, name)):>12}" for found in results.values())
        print(f"{label:34}{cells}")


if __name__ == "__main__":
    main()
