"""Headless chromium for the browser groups: Debian's chromium with nothing reaching outside
hosts, and the page-side probes the groups share (long tasks, frames)."""

from __future__ import annotations

import os
import shutil
from typing import Any

__all__ = ["CHROMIUM", "CHROMIUM_ARGS", "FRAMES", "LONG_TASKS", "launch"]

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)
"""The flags of the benchmarks and of tests/browser (tests/conftest.py): no background
traffic to outside hosts, no GPU."""
LONG_TASKS = """
window.__longTasks = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) window.__longTasks.push([entry.startTime, entry.duration]);
}).observe({ type: "longtask", buffered: true });
"""
"""An init script: every main-thread task over 50 ms, as ``[start, duration]`` (ms)."""
FRAMES = """() => {
  window.__frames = {count: 0, longest: 0, last: 0, running: true};
  const tick = (t) => {
    const f = window.__frames;
    if (f.last) { f.count++; f.longest = Math.max(f.longest, t - f.last); }
    f.last = t;
    if (f.running) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}"""
"""Counts the frames drawn from now on and the longest gap between two (ms); stop with
``window.__frames.running = false``."""


def launch(playwright: Any, *extra_args: str) -> Any:
    """Debian's chromium, headless, with the flags above and ``extra_args``."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=[*CHROMIUM_ARGS, *extra_args])
