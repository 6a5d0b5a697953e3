"""Page figures in headless chromium: weight and requests of the hello page, time until
its textbox accepts input, and the large app (10 tabs x 100 components, 500 listeners)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlparse

from .browser import LONG_TASKS, launch
from .env import UI
from .report import Figure, Results
from .servers import Server

__all__ = ["FIGURES", "Plan", "run"]

FIGURES = (
    Figure("page_kb", "page weight (hello)", "KB", target=60),
    Figure("page_requests", "page requests (hello)", "req", target=10),
    Figure("tti_s", "time to interactive (hello)", "s", target=0.2),
    Figure("large_tti_s", "large app: first textbox editable", "s", target=0.5),
    Figure("large_config_kb", "large app: config bytes on the wire", "KB", target=60),
    Figure("large_longtask_ms", "large app: main-thread long tasks", "ms", target=150),
)

EDITABLE = """() => {
  const free = ":not([disabled]):not([readonly])";
  const el = document.querySelector(
    `textarea${free}, input[type=text]${free}, input:not([type])${free}`
  );
  return el !== null && el.offsetParent !== null && performance.now();
}"""
"""The first editable textbox in document order; one query per frame, so that the polling
costs the page next to nothing."""


@dataclass(frozen=True)
class Plan:
    """How many page loads to time (one warm-up load of each page is excluded)."""

    hello_loads: int = 5
    large_loads: int = 3
    settle_s: float = 1.0


@dataclass
class Load:
    """What one navigation cost."""

    editable_s: float
    wire_bytes: int
    requests: int
    config_bytes: int
    long_task_ms: float


def _is_config(url: str) -> bool:
    path = urlparse(url).path
    return path in ("", "/") or path.endswith("/config")


def _load(browser: Any, url: str, settle_s: float) -> Load:
    """Navigate a fresh context (empty cache) and wait until a textbox is editable."""
    context = browser.new_context()
    context.add_init_script(LONG_TASKS)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    urls: dict[str, str] = {}
    sizes: dict[str, int] = {}
    cdp.on(
        "Network.requestWillBeSent", lambda e: urls.__setitem__(e["requestId"], e["request"]["url"])
    )
    cdp.on(
        "Network.loadingFinished",
        lambda e: sizes.__setitem__(e["requestId"], int(e["encodedDataLength"])),
    )
    page.goto(url, wait_until="commit")
    handle = page.wait_for_function(EDITABLE, polling="raf", timeout=60_000)
    editable_ms = float(handle.json_value())
    page.wait_for_timeout(settle_s * 1000)  # keeps dispatching network events, unlike sleep
    long_tasks = page.evaluate("window.__longTasks")
    context.close()
    requests = [rid for rid, u in urls.items() if not u.startswith("data:")]
    return Load(
        editable_s=editable_ms / 1000,
        wire_bytes=sum(sizes.get(rid, 0) for rid in requests),
        requests=len(requests),
        config_bytes=sum(sizes.get(rid, 0) for rid in requests if _is_config(urls[rid])),
        long_task_ms=sum(duration for _, duration in long_tasks),
    )


def _loads(browser: Any, server: Server, count: int, settle_s: float) -> list[Load]:
    _load(browser, server.url, settle_s)
    return [_load(browser, server.url, settle_s) for _ in range(count)]


def run(ui: UI, plan: Plan, results: Results) -> None:
    """Measure this group's figures for ``ui``."""
    from playwright.sync_api import sync_playwright  # the suite's own dependency

    with sync_playwright() as pw:
        browser = launch(pw)
        try:
            with Server(ui, "hello") as server:
                hello = _loads(browser, server, plan.hello_loads, plan.settle_s)
            with Server(ui, "large") as server:
                large = _loads(browser, server, plan.large_loads, plan.settle_s)
        finally:
            browser.close()
    results.add("page_kb", ui.name, [load.wire_bytes / 1000 for load in hello])
    results.add("page_requests", ui.name, [load.requests for load in hello])
    results.add("tti_s", ui.name, [load.editable_s for load in hello])
    results.add("large_tti_s", ui.name, [load.editable_s for load in large])
    results.add("large_config_kb", ui.name, [load.config_bytes / 1000 for load in large])
    results.add("large_longtask_ms", ui.name, [load.long_task_ms for load in large])
