"""Streaming 2,000 tokens at 100 tokens/s into a Chatbot that holds 200 messages, measured in
headless chromium: main-thread busy time, dropped frames and when the last token showed.

Runs the app (benchmarks/chat_streaming_app.py) under limelight, and under Gradio when a Gradio
environment exists (``GRADIO_PYTHON``, default ``.bench-venv-gradio/bin/python`` in the
repository, as for the other benchmarks)::

    PYTHONPATH=src python benchmarks/chat_streaming.py [--tokens 2000] [--only limelight]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

from playwright.sync_api import Page, sync_playwright

HERE = Path(__file__).resolve().parent
APP = HERE / "chat_streaming_app.py"
CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
GRADIO_PYTHON = os.environ.get(
    "GRADIO_PYTHON", str(Path(__file__).resolve().parent.parent / ".bench-venv-gradio/bin/python")
)

# Counts frames with requestAnimationFrame: a gap over 1.5 frame times counts the frames missed.
FRAME_PROBE = """
window.__frames = {count: 0, dropped: 0, last: 0, running: true};
const tick = (t) => {
  const f = window.__frames;
  if (f.last) {
    const gap = t - f.last;
    f.count++;
    if (gap > 25) f.dropped += Math.round(gap / 16.67) - 1;
  }
  f.last = t;
  if (f.running) requestAnimationFrame(tick);
};
requestAnimationFrame(tick);
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_app(python: str, gradio: bool, tokens: int) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    env = {**os.environ, "CHAT_BENCH_TOKENS": str(tokens), "GRADIO_ANALYTICS_ENABLED": "False"}
    if gradio:
        env["CHAT_BENCH_GRADIO"] = "1"
    proc = subprocess.Popen(
        [python, str(APP), str(port)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=1)
            return proc, url
        except OSError:
            time.sleep(0.2)
    proc.terminate()
    raise RuntimeError(f"{python} did not start the app")


def metrics(page: Page, cdp: Any) -> dict[str, float]:
    raw = cdp.send("Performance.getMetrics")["metrics"]
    return {m["name"]: m["value"] for m in raw}


def measure(url: str, tokens: int) -> dict[str, Any]:
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(url)
        page.wait_for_selector("text=Question 99", timeout=60_000)
        page.wait_for_timeout(1000)
        cdp = page.context.new_cdp_session(page)
        cdp.send("Performance.enable")
        before = metrics(page, cdp)
        page.evaluate(FRAME_PROBE)
        start = time.monotonic()
        page.click("#go")
        page.wait_for_function(
            "() => [...document.querySelectorAll('p')].some(p => p.textContent.includes('END'))",
            timeout=600_000,
            polling=100,
        )
        elapsed = time.monotonic() - start
        frames = page.evaluate("() => { window.__frames.running = false; return window.__frames; }")
        after = metrics(page, cdp)
        browser.close()
    busy = {
        k: after[k] - before[k]
        for k in ("TaskDuration", "ScriptDuration", "LayoutDuration", "RecalcStyleDuration")
    }
    return {
        "last_token_s": round(elapsed, 2),
        "ideal_s": tokens / 100,
        "main_thread_busy_s": round(busy["TaskDuration"], 2),
        "busy_fraction": round(busy["TaskDuration"] / elapsed, 3),
        "script_s": round(busy["ScriptDuration"], 2),
        "layout_s": round(busy["LayoutDuration"], 2),
        "style_s": round(busy["RecalcStyleDuration"], 2),
        "frames": frames["count"],
        "dropped_frames": frames["dropped"],
        "fps": round(frames["count"] / elapsed, 1),
    }


def run(name: str, python: str, gradio: bool, tokens: int) -> dict[str, Any]:
    proc, url = start_app(python, gradio, tokens)
    try:
        return {"app": name, **measure(url, tokens)}
    finally:
        proc.terminate()
        proc.wait(10)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tokens", type=int, default=2000)
    parser.add_argument("--only", choices=["limelight", "gradio"])
    args = parser.parse_args()
    results = []
    if args.only != "gradio":
        results.append(run("limelight", sys.executable, False, args.tokens))
        print(json.dumps(results[-1]), flush=True)
    if args.only != "limelight" and os.path.exists(GRADIO_PYTHON):
        results.append(run("gradio", GRADIO_PYTHON, True, args.tokens))
        print(json.dumps(results[-1]), flush=True)
    if len(results) == 2:
        ours, theirs = results
        print(
            json.dumps(
                {
                    "busy_ratio_gradio_over_limelight": round(
                        theirs["main_thread_busy_s"] / max(ours["main_thread_busy_s"], 1e-9), 1
                    ),
                    "last_token_ratio": round(theirs["last_token_s"] / ours["last_token_s"], 1),
                }
            )
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
