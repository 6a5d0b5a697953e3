"""Streaming a 2,000-token reply into a Chatbot that holds 200 messages, a 10 ms sleep per
token as a model makes them (ideal: 20 s), measured in headless chromium: when the last token
showed, main-thread busy time and dropped frames. The server's own cost per yield adds to
the total, so ``--server`` also measures it without a browser: the app process's CPU time
per yield with 0, 50 and 200 messages of history.

Runs the app (benchmarks/chat_streaming_app.py) under limelight, and under Gradio when a Gradio
environment exists (``GRADIO_PYTHON``, default ``.bench-venv-gradio/bin/python`` in the
repository, as for the other benchmarks)::

    PYTHONPATH=src python benchmarks/chat_streaming.py [--tokens 2000] [--only limelight]
    PYTHONPATH=src python benchmarks/chat_streaming.py --server [--tokens 1000]
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


def start_app(
    python: str, gradio: bool, tokens: int, history: int = 200, rate: float = 100
) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    env = {
        **os.environ,
        "CHAT_BENCH_TOKENS": str(tokens),
        "CHAT_BENCH_HISTORY": str(history),
        "CHAT_BENCH_RATE": str(rate),
        "GRADIO_ANALYTICS_ENABLED": "False",
    }
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
        page.wait_for_selector("#go", timeout=60_000)
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


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time of process ``pid`` so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def stream_once(url: str) -> int:
    """Run the app's stream through the queue protocol, as a browser would; the number of
    messages the reply took."""
    session = f"bench{time.monotonic_ns()}"
    body = json.dumps({"data": [], "fn_index": 0, "session_hash": session, "trigger_id": None})
    join = urllib.request.Request(
        url + "gradio_api/queue/join",
        data=body.encode(),
        headers={"Content-Type": "application/json"},
    )
    urllib.request.urlopen(join, timeout=30).read()
    count = 0
    with urllib.request.urlopen(
        url + f"gradio_api/queue/data?session_hash={session}", timeout=600
    ) as stream:
        for line in stream:
            if b'"process_generating"' in line:
                count += 1
            elif b'"process_completed"' in line:
                return count + 1
    raise RuntimeError("the stream ended without a completion")


def server_overhead(python: str, gradio: bool, tokens: int, history: int) -> float:
    """The app process's CPU milliseconds per yield (a 1 ms sleep per token costs none)."""
    proc, url = start_app(python, gradio, tokens, history, rate=1000)
    try:
        stream_once(url)
        before = cpu_seconds(proc.pid)
        yields = stream_once(url)
        return (cpu_seconds(proc.pid) - before) / yields * 1000
    finally:
        proc.terminate()
        proc.wait(10)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tokens", type=int, default=None, help="2000 (1000 with --server)")
    parser.add_argument("--only", choices=["limelight", "gradio"])
    parser.add_argument(
        "--server", action="store_true", help="server CPU per yield at 0, 50 and 200 messages"
    )
    args = parser.parse_args()
    apps = []
    if args.only != "gradio":
        apps.append(("limelight", sys.executable, False))
    if args.only != "limelight" and os.path.exists(GRADIO_PYTHON):
        apps.append(("gradio", GRADIO_PYTHON, True))
    if args.server:
        for name, python, gradio in apps:
            for history in (0, 50, 200):
                ms = server_overhead(python, gradio, args.tokens or 1000, history)
                figure = {"app": name, "history": history, "server_cpu_ms_per_yield": round(ms, 3)}
                print(json.dumps(figure), flush=True)
        return 0
    results = []
    for name, python, gradio in apps:
        results.append(run(name, python, gradio, args.tokens or 2000))
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
