"""The Audio waveform: drawn from the decoded sound in the WaveformOptions colors, click to
seek, skip buttons, select a region and trim (saved at the options' sample rate)."""

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

# Pixels of the canvas painted exactly in the color [r, g, b].
PAINTED = """(c, rgb) => {
  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  let n = 0;
  for (let i = 0; i < d.length; i += 4)
    if (d[i] === rgb[0] && d[i + 1] === rgb[1] && d[i + 2] === rgb[2] && d[i + 3] === 255) n++;
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
    player = page.locator(".audio-block audio")
    seconds = player.evaluate("a => a.currentTime")
    assert 0.9 < seconds < 1.1
    # Played part in waveform_progress_color, the rest in waveform_color.
    page.wait_for_function(
        f"([c, rgb]) => ({PAINTED})(c, rgb) > 50", arg=[canvas.element_handle(), [22, 163, 74]]
    )
    assert canvas.evaluate(PAINTED, [136, 136, 136]) > 50

    # skip_length=25: a quarter of the two seconds per press, from the waveform player's own
    # buttons (show_controls is off, so the browser's controls are not shown).
    assert player.get_attribute("controls") is None
    page.get_by_role("button", name="Skip forward by 0.5 seconds").click()
    assert 1.4 < player.evaluate("a => a.currentTime") < 1.6
    back = page.get_by_role("button", name="Skip backward by 0.5 seconds")
    back.click()
    back.click()
    assert 0.4 < player.evaluate("a => a.currentTime") < 0.6

    page.mouse.move(box["x"] + box["width"] * 0.25, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.5, y, steps=4)
    page.mouse.move(box["x"] + box["width"] * 0.75, y, steps=4)
    page.mouse.up()
    region = page.locator(".waveform-region")
    expect(region).to_have_css("background-color", "rgb(59, 130, 246)")
    page.get_by_role("button", name="Trim", exact=True).click()
    # The trimmed sound became the value (a change event ran), at the options' sample rate,
    # and is drawn in turn.
    expect(page.get_by_label("Length")).to_have_value("1.00 s at 22050 Hz")
    expect(wave).to_have_attribute("data-duration", "1.000")
