"""Chromium plays what ``gr.Audio(format=...)`` writes: the element loads the whole sound
(a duration, no error) and the waveform decodes it."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

import limelight as gr

pytestmark = pytest.mark.browser
np = pytest.importorskip("numpy")
pytest.importorskip("av")

RATE = 44100

LOADED = """a => new Promise(resolve => {
  const done = () => resolve({duration: a.duration, error: a.error && a.error.code});
  if (a.readyState >= 1 || a.error) done();
  else { a.addEventListener('loadedmetadata', done); a.addEventListener('error', done); }
})"""


def two_seconds() -> tuple[int, object]:
    t = np.arange(2 * RATE) / RATE
    return RATE, (0.4 * 32767 * np.sin(2 * np.pi * 440 * t)).astype(np.int16)


@pytest.mark.parametrize("fmt", ["mp3", "ogg", "flac"])
def test_chromium_plays_each_encoded_format(
    page: Page, serve: Callable[..., str], fmt: str
) -> None:
    with gr.Blocks() as demo:
        gr.Audio(two_seconds(), format=fmt, elem_id="out")
    page.goto(serve(demo))
    audio = page.locator("#out audio")
    expect(audio).to_have_attribute("src", re.compile(rf"\.{fmt}$"))
    loaded = audio.evaluate(LOADED)
    assert loaded["error"] is None
    assert loaded["duration"] == pytest.approx(2.0, abs=0.1)
    # The waveform decoded the same file with the page's own audio decoder.
    waveform = page.locator("#out .waveform")
    expect(waveform).to_have_attribute("data-duration", re.compile(r"^(1\.9\d\d|2\.0\d\d)$"))
