"""The 100,000 x 10 Dataframe in headless chromium (the ``dataframe`` app): time from
navigation until its first rows show, the frames of 20 scroll steps through the table (the
longest frame, and the time until the rows of each step are drawn), the page's JS heap
after garbage collection, and the time from a click until the same table, returned by the
click's function, shows its first rows in another Dataframe."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from .browser import launch
from .env import UI
from .report import Figure, Results
from .servers import Server

__all__ = ["FIGURES", "Plan", "run"]

FIGURES = (
    Figure("df_first_rows_s", "dataframe 100k x 10: first rows shown", "s", target=1.0),
    Figure("df_scroll_s", "dataframe: 20 scroll steps, drawn", "s"),
    Figure("df_frame_ms", "dataframe: longest frame while scrolling", "ms", target=50),
    Figure("df_heap_mib", "dataframe: JS heap after GC", "MiB"),
    Figure(
        "df_click_rows_s", "dataframe: click -> first rows of a returned table", "s", target=1.0
    ),
)
STEPS = 20
FIRST_CELL = "#df :text-is('11')"
"""Row 1, column 1 of the table: drawn once the first rows are (either library)."""
LOADED_CELL = "#loaded :text-is('11')"
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


@dataclass(frozen=True)
class Plan:
    """How many page loads of the table to time."""

    loads: int = 2


@dataclass
class Load:
    """One page load of the table."""

    first_rows_s: float
    scroll_s: float
    longest_frame_ms: float
    heap_mib: float
    click_rows_s: float


def _one_load(page: Any, url: str) -> Load:
    client = page.context.new_cdp_session(page)
    start = time.perf_counter()
    page.goto(url)
    page.wait_for_selector(FIRST_CELL, state="visible", timeout=120_000)
    first = time.perf_counter() - start
    total, longest = page.evaluate(SCROLL, STEPS)
    client.send("HeapProfiler.collectGarbage")
    heap = client.send("Runtime.getHeapUsage")["usedSize"] / 2**20
    start = time.perf_counter()
    page.click("#load")
    page.wait_for_selector(LOADED_CELL, state="visible", timeout=120_000)
    return Load(first, total / 1000, longest, heap, time.perf_counter() - start)


def run(ui: UI, plan: Plan, results: Results) -> None:
    """Measure this group's figures for ``ui``: ``plan.loads`` page loads of the table."""
    from playwright.sync_api import sync_playwright  # the suite's own dependency

    found = []
    # Ready when the API answers: the page of this table takes Gradio longer than the 2 s
    # Server gives one answer.
    server = Server(ui, "dataframe", timeout=300, ready_path="/gradio_api/info")
    with server, sync_playwright() as pw:
        browser = launch(pw)
        for _ in range(plan.loads):
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            found.append(_one_load(page, server.url))
            page.close()
        browser.close()
    results.add("df_first_rows_s", ui.name, [load.first_rows_s for load in found])
    results.add("df_scroll_s", ui.name, [load.scroll_s for load in found])
    results.add("df_frame_ms", ui.name, [load.longest_frame_ms for load in found])
    results.add("df_heap_mib", ui.name, [load.heap_mib for load in found])
    results.add("df_click_rows_s", ui.name, [load.click_rows_s for load in found])
