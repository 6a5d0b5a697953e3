"""The Audio waveform: drawn from the decoded sound, click to seek, select a region and trim."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser
pytest.importorskip("numpy")

INKED = """c => {
  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  let n = 0;
  for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
  return n;
}"""


def test_waveform_draws_seeks_and_trims(
    page: Page, serve: Callable[..., str], load_demo: Callable[[str], ModuleType]
) -> None:
    page.goto(serve(load_demo("audio_trim").demo))
    wave = page.locator(".waveform")
    expect(wave).to_have_attribute("data-duration", "2.000")
    canvas = page.get_by_label("Waveform")
    assert canvas.evaluate(INKED) > 100  # peaks were drawn

    box = canvas.bounding_box()
    assert box is not None
    y = box["y"] + box["height"] / 2
    page.mouse.click(box["x"] + box["width"] / 2, y)
    seconds = page.locator(".audio-block audio").evaluate("a => a.currentTime")
    assert 0.9 < seconds < 1.1

    page.mouse.move(box["x"] + box["width"] * 0.25, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.5, y, steps=4)
    page.mouse.move(box["x"] + box["width"] * 0.75, y, steps=4)
    page.mouse.up()
    expect(page.locator(".waveform-region")).to_be_visible()
    page.get_by_role("button", name="Trim", exact=True).click()
    # The trimmed sound became the value (a change event ran) and is drawn in turn.
    expect(page.get_by_label("Length")).to_have_value("1.00 s")
    expect(wave).to_have_attribute("data-duration", "1.000")
