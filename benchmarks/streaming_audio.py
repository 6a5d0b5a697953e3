"""Time-to-first-audio of a streaming audio output (demos/streaming_tts.py), measured in
headless chromium from the click on "Speak" to the moment the first chunk is scheduled on the
page's AudioContext (the ``limelight:first-audio`` performance mark gr.Audio sets), plus the
lead the player adds before that chunk is heard::

    PYTHONPATH=src python benchmarks/streaming_audio.py [--runs 10]
"""

from __future__ import annotations

import argparse
import json
import os
import runpy
import shutil
import socket
import statistics
from pathlib import Path
from typing import Any

from playwright.sync_api import Page, sync_playwright

from limelight.interfaces.blocks import Blocks

DEMO = Path(__file__).resolve().parents[1] / "demos" / "streaming_tts.py"
CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--autoplay-policy=no-user-gesture-required"]

# Marks the click in the same clock as the page's own mark (capture phase: before any handler).
CLICK_PROBE = """
document.addEventListener('click', () => performance.mark('bench:click'),
                          {capture: true, once: true});
"""
FIRST_AUDIO = """() => {
  const [click] = performance.getEntriesByName('bench:click');
  const [first] = performance.getEntriesByName('limelight:first-audio');
  return click && first ? {ms: first.startTime - click.startTime, lead: first.detail.lead} : null;
}"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def once(page: Page, url: str) -> dict[str, float]:
    """One run on a fresh page: milliseconds to the first scheduled chunk, and its lead."""
    page.goto(url)
    page.get_by_role("button", name="Speak").wait_for()
    page.evaluate(CLICK_PROBE)
    page.get_by_role("button", name="Speak").click()
    result: dict[str, float] = page.wait_for_function(FIRST_AUDIO, timeout=30_000).json_value()
    return result


def measure(runs: int) -> dict[str, Any]:
    demo = runpy.run_path(str(DEMO), run_name="benchmark")["demo"]
    assert isinstance(demo, Blocks)
    demo.launch(
        server_name="127.0.0.1", server_port=free_port(), prevent_thread_lock=True, quiet=True
    )
    assert demo.local_url is not None
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page()
            once(page, demo.local_url)  # warm-up: first load compiles the audio chunk
            samples = [once(page, demo.local_url) for _ in range(runs)]
            browser.close()
    finally:
        demo.close(verbose=False)
    times = [s["ms"] for s in samples]
    return {
        "runs": runs,
        "first_audio_scheduled_ms_median": round(statistics.median(times), 1),
        "first_audio_scheduled_ms_min": round(min(times), 1),
        "first_audio_scheduled_ms_max": round(max(times), 1),
        "player_lead_ms": round(1000 * statistics.median(s["lead"] for s in samples), 1),
        "note": "includes the demo's 50 ms of simulated model time before the first chunk",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    print(json.dumps(measure(args.runs), indent=2))


if __name__ == "__main__":
    main()
