"""Streaming a reply into a Chatbot that holds 200 Markdown messages, paced by a fixed sleep
per token as a model makes them (the ``chat`` app): in headless chromium, when the last
token showed against the ideal (tokens x sleep), the frames per second and the main
thread's long tasks while it streams; and without a browser, the server's CPU per yield
with 0, 50 and 200 messages of history (each yield sends the whole history plus the
growing reply, so its cost grows with the history)."""

from __future__ import annotations

import asyncio
import json
import time
import uuid
from contextlib import aclosing
from dataclasses import dataclass
from typing import Any

from .browser import FRAMES, LONG_TASKS, launch
from .env import UI
from .report import Figure, Results
from .servers import Server, cpu_seconds
from .wire import Connection

__all__ = ["FIGURES", "Plan", "run"]

FIGURES = (
    Figure("chat_last_token_s", "chat, 200 msgs: last token shown after", "s", per_plan=True),
    Figure("chat_stretch", "chat: last token / ideal (sleep per token)", "x", target=1.1),
    Figure("chat_fps", "chat: frames per second while streaming", "fps", False),
    Figure("chat_longtask_pct", "chat: long tasks, share of the stream", "%"),
    Figure("chat_longtask_max_ms", "chat: longest task while streaming", "ms"),
    Figure("chat_yield_cpu_0", "chat: server CPU per yield, 0 msgs", "ms"),
    Figure("chat_yield_cpu_50", "chat: server CPU per yield, 50 msgs", "ms"),
    Figure("chat_yield_cpu_200", "chat: server CPU per yield, 200 msgs", "ms"),
)
ENDED = "() => [...document.querySelectorAll('p')].some((p) => p.textContent.includes('END'))"
"""The reply's last token (``END``) shows; polled every 100 ms, the same for both."""


@dataclass(frozen=True)
class Plan:
    """The streams to run: tokens and their pace in the browser, and for the server."""

    tokens: int = 2000
    rate: float = 100.0
    """Tokens per second of sleep (100: 10 ms a token)."""
    history: int = 200
    browser_runs: int = 1
    server_tokens: int = 1000
    server_rate: float = 1000.0
    """The server run sleeps too, so that yields are spaced as a model's; sleep costs no CPU."""
    server_histories: tuple[int, ...] = (0, 50, 200)


def _settings(tokens: int, rate: float, history: int) -> dict[str, str]:
    return {
        "CHAT_BENCH_TOKENS": str(tokens),
        "CHAT_BENCH_RATE": str(rate),
        "CHAT_BENCH_HISTORY": str(history),
    }


def _stream_in_browser(browser: Any, server: Server, plan: Plan) -> dict[str, float]:
    """One click on a fresh page: seconds to the last token, frames, long tasks."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(LONG_TASKS)
    page = context.new_page()
    page.goto(server.url)
    page.wait_for_selector("#go", timeout=60_000)
    if plan.history >= 2:
        page.wait_for_selector(f"text=Question {plan.history // 2 - 1}", timeout=60_000)
    page.wait_for_timeout(1000)  # the history's first render and its long tasks settle
    page.evaluate(FRAMES)
    began_ms = page.evaluate("performance.now()")
    start = time.monotonic()
    page.click("#go")
    ideal = plan.tokens / plan.rate
    page.wait_for_function(ENDED, timeout=max(120.0, ideal * 10) * 1000, polling=100)
    elapsed = time.monotonic() - start
    frames = page.evaluate("() => { window.__frames.running = false; return window.__frames; }")
    tasks = [d for t, d in page.evaluate("window.__longTasks") if t >= began_ms]
    context.close()
    return {
        "last_token_s": elapsed,
        "stretch": elapsed / ideal,
        "fps": frames["count"] / elapsed,
        "longtask_pct": sum(tasks) / (elapsed * 1000) * 100,
        "longtask_max_ms": max(tasks, default=0.0),
    }


def _browser_figures(ui: UI, plan: Plan, results: Results) -> None:
    from playwright.sync_api import sync_playwright  # the suite's own dependency

    runs = []
    settings = _settings(plan.tokens, plan.rate, plan.history)
    with Server(ui, "chat", env=settings) as server, sync_playwright() as pw:
        browser = launch(pw)
        try:
            runs = [_stream_in_browser(browser, server, plan) for _ in range(plan.browser_runs)]
        finally:
            browser.close()
    ideal = plan.tokens / plan.rate
    results.add("chat_last_token_s", ui.name, [r["last_token_s"] for r in runs], ideal_s=ideal)
    results.add("chat_stretch", ui.name, [r["stretch"] for r in runs], tokens=plan.tokens)
    results.add("chat_fps", ui.name, [r["fps"] for r in runs])
    results.add("chat_longtask_pct", ui.name, [r["longtask_pct"] for r in runs])
    results.add("chat_longtask_max_ms", ui.name, [r["longtask_max_ms"] for r in runs])


async def _yields_of_one_stream(port: int) -> int:
    """Run the stream through the queue as the page does (join, then the session's event
    stream); the number of yields (``process_generating`` messages) until it completed."""
    session = uuid.uuid4().hex
    join = {"data": [], "fn_index": 0, "session_hash": session, "trigger_id": None}
    joiner, reader = Connection(port), Connection(port)
    try:
        status, body = await joiner.request("POST", "/gradio_api/queue/join", join)
        if status != 200:
            raise RuntimeError(f"queue/join answered {status}: {body[:200]!r}")
        count = 0
        stream = reader.events(f"/gradio_api/queue/data?session_hash={session}")
        async with aclosing(stream) as events:
            async for event in events:
                msg = json.loads(event.data).get("msg") if event.data.startswith("{") else None
                if msg == "process_generating":
                    count += 1
                elif msg == "process_completed":
                    return count
    finally:
        joiner.close()
        reader.close()
    raise RuntimeError("the stream ended without a completion")


def _server_cpu_per_yield(ui: UI, plan: Plan, history: int) -> float:
    """The app process's CPU milliseconds per yield, on the second of two streams."""
    settings = _settings(plan.server_tokens, plan.server_rate, history)
    with Server(ui, "chat", env=settings) as server:
        asyncio.run(_yields_of_one_stream(server.port))
        before = cpu_seconds(server.pid)
        yields = asyncio.run(_yields_of_one_stream(server.port))
        return (cpu_seconds(server.pid) - before) / yields * 1000


def run(ui: UI, plan: Plan, results: Results) -> None:
    """Measure this group's figures for ``ui``: the browser's, then the server's."""
    _browser_figures(ui, plan, results)
    for history in plan.server_histories:
        ms = _server_cpu_per_yield(ui, plan, history)
        results.add(f"chat_yield_cpu_{history}", ui.name, [ms], tokens=plan.server_tokens)
