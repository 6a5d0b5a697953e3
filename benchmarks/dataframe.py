"""How fast the 100,000 x 10 Dataframe demo shows its first rows, and the page's JS heap.

Run: PYTHONPATH=src python benchmarks/dataframe.py [--runs 3]
Needs Debian's chromium (CHROMIUM_PATH to override) and Playwright.
"""

from __future__ import annotations

import argparse
import os
import runpy
import shutil
import socket
import statistics
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
    demo = runpy.run_path(str(ROOT / "demos" / "dataframe.py"), run_name="bench")["demo"]
    port = free_port()
    demo.launch(server_name="127.0.0.1", server_port=port, prevent_thread_lock=True, quiet=True)
    first_rows, heaps, scrolls = [], [], []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            for _ in range(runs):
                page = browser.new_page()
                client = page.context.new_cdp_session(page)
                start = time.perf_counter()
                page.goto(f"http://127.0.0.1:{port}/")
                page.wait_for_selector("#df .df-body .df-row", state="visible")
                first_rows.append(time.perf_counter() - start)
                scroll = page.evaluate(
                    """() => new Promise((done) => {
                      const el = document.querySelector('#df .df-scroll');
                      const t0 = performance.now();
                      el.scrollTop = 34 * 70000;
                      requestAnimationFrame(() => requestAnimationFrame(
                        () => done(performance.now() - t0)));
                    })"""
                )
                scrolls.append(scroll / 1000)
                client.send("HeapProfiler.collectGarbage")
                heaps.append(client.send("Runtime.getHeapUsage")["usedSize"] / 2**20)
                page.close()
            browser.close()
    finally:
        demo.close(verbose=False)
    print(f"dataframe 100,000 x 10, {runs} runs (median)")
    print(f"  first rows visible after page load start: {statistics.median(first_rows):.2f} s")
    print(f"  scroll to row 70,000 and draw:            {statistics.median(scrolls) * 1000:.0f} ms")
    print(f"  JS heap after GC:                         {statistics.median(heaps):.1f} MiB")


if __name__ == "__main__":
    main()
