"""Time-to-first-audio of a streaming audio output (demos/streaming_tts.py) in headless
chromium: from the click on "Speak" to the moment the first chunk is scheduled on the page's
AudioContext (the ``limelight:first-audio`` performance mark gr.Audio sets), and the lead the
player adds before that chunk is heard. The time includes the demo's 50 ms of simulated model
time before its first chunk."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .browser import launch
from .env import REPO, UI
from .report import Figure, Results
from .servers import Server

__all__ = ["FIGURES", "Plan", "run"]

NO_MARK = "Gradio's audio player sets no mark when its first chunk is scheduled"
FIGURES = (
    Figure("audio_first_ms", "streaming audio: click to first chunk", "ms", gradio_na=NO_MARK),
    Figure("audio_lead_ms", "streaming audio: player lead", "ms", gradio_na=NO_MARK),
)
DEMO = REPO / "demos" / "streaming_tts.py"
CLICK_PROBE = """
document.addEventListener('click', () => performance.mark('bench:click'),
                          {capture: true, once: true});
"""
"""Marks the click in the same clock as the page's own mark (capture phase: before any
handler)."""
FIRST_AUDIO = """() => {
  const [click] = performance.getEntriesByName('bench:click');
  const [first] = performance.getEntriesByName('limelight:first-audio');
  return click && first ? {ms: first.startTime - click.startTime, lead: first.detail.lead} : null;
}"""


@dataclass(frozen=True)
class Plan:
    """How many clicks to time (after one warm-up that loads the audio chunk)."""

    runs: int = 10


def _once(page: Any, url: str) -> dict[str, float]:
    """One run on a fresh page: milliseconds to the first scheduled chunk, and its lead."""
    page.goto(url)
    page.get_by_role("button", name="Speak").wait_for()
    page.evaluate(CLICK_PROBE)
    page.get_by_role("button", name="Speak").click()
    result: dict[str, float] = page.wait_for_function(FIRST_AUDIO, timeout=30_000).json_value()
    return result


def run(ui: UI, plan: Plan, results: Results) -> None:
    """Measure this group's figures (limelight only)."""
    from playwright.sync_api import sync_playwright  # the suite's own dependency

    with Server(ui, DEMO) as server, sync_playwright() as pw:
        browser = launch(pw, "--autoplay-policy=no-user-gesture-required")
        try:
            page = browser.new_page()
            _once(page, server.url)
            samples = [_once(page, server.url) for _ in range(plan.runs)]
        finally:
            browser.close()
    results.add("audio_first_ms", ui.name, [s["ms"] for s in samples])
    results.add("audio_lead_ms", ui.name, [s["lead"] * 1000 for s in samples])
