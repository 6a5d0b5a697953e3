"""Gestures the browser check makes as a person would: a stroke on a canvas, a drag across a
chart, a double click on it, taking a picture or recording with a camera or microphone
(chromium's fake devices), and a short video of its own to upload."""

from __future__ import annotations

import base64
import os
import re
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from playwright.sync_api import Locator, Page, TimeoutError as PlaywrightTimeout

__all__ = [
    "DEVICE_OPENERS",
    "FAKE_MEDIA_ARGS",
    "PLOT_AREAS",
    "Gesture",
    "device_gesture",
    "double_click",
    "draw",
    "record_video",
]

# Chromium's stand-in camera (a moving test picture) and microphone (a beep each second),
# granted without asking, so that the check can use media inputs as a person does.
FAKE_MEDIA_ARGS = ["--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream"]
# Where a native plot (LinePlot, ScatterPlot, BarPlot) takes the mouse.
PLOT_AREAS = ", ".join(
    f".block-{kind} .u-over:visible" for kind in ("lineplot", "scatterplot", "barplot")
)
# The buttons that start a camera or a microphone in a media block.
DEVICE_OPENERS = re.compile(r"^(Webcam|Record|Start streaming)$")
# How long a recording lasts: the fake devices need a moment to give some frames or sound.
RECORDING_MS = 1200
# A second of coloured frames recorded from a canvas: chromium makes the video itself, so the
# check needs no encoder and no file from elsewhere.
RECORD_JS = """async () => {
  const canvas = Object.assign(document.createElement('canvas'), { width: 64, height: 48 });
  const paint = canvas.getContext('2d');
  let frame = 0;
  const tick = setInterval(() => {
    paint.fillStyle = `hsl(${frame++ * 40}, 80%, 50%)`;
    paint.fillRect(0, 0, 64, 48);
  }, 50);
  const recorder = new MediaRecorder(canvas.captureStream(20), { mimeType: 'video/webm' });
  const parts = [];
  recorder.ondataavailable = (event) => parts.push(event.data);
  const stopped = new Promise((done) => { recorder.onstop = done; });
  recorder.start();
  await new Promise((done) => setTimeout(done, 1000));
  recorder.stop();
  await stopped;
  clearInterval(tick);
  const bytes = new Uint8Array(await new Blob(parts).arrayBuffer());
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text);
}"""


def draw(page: Page, area: Locator) -> None:
    """A stroke across the middle of ``area`` (an editor's canvas, a chart), as a person drags
    the mouse; the mouse then leaves, so that what hovering shows (a tooltip) goes away."""
    box = area.bounding_box()
    if box is None:
        return
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + box["width"] * 0.3, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.7, y, steps=8)
    page.mouse.up()
    page.mouse.move(0, 0)


def double_click(page: Page, area: Locator) -> None:
    """Double click the middle of a chart (which resets a zoom in many apps)."""
    area.dblclick()
    page.mouse.move(0, 0)


@dataclass(frozen=True)
class Gesture:
    """An interaction in two steps: ``setup`` readies it (opening a camera shows controls of
    its own, which is no output of the app), then ``act`` is what must change the page, not
    counting the text of what ``quiet`` selects (the block whose buttons the gesture works)."""

    setup: Callable[[], None]
    act: Callable[[], None]
    quiet: str = ""


def device_gesture(page: Page, block: Locator) -> Gesture:
    """Use the camera or microphone of a media block: open the camera when it is closed, then
    take a picture, start streaming, or record a moment and stop. The block's own text (its
    buttons, which change as they are used) is no output; what it then shows (a picture, a
    recording) and every other block are."""
    # Found again by its id: its buttons, which found it, change as it is used.
    inside = f'[data-block="{block.get_attribute("data-block")}"]'
    block = page.locator(inside)
    return Gesture(partial(_open_camera, page, block), partial(_capture, page, block), quiet=inside)


def _open_camera(page: Page, block: Locator) -> None:
    opener = block.get_by_role("button", name="Webcam", exact=True)
    if opener.count():
        opener.first.click()
    if not block.locator("video").count():  # a microphone: nothing to wait for
        return
    # No camera coming up is no error here: the capture then finds nothing to press.
    with suppress(PlaywrightTimeout):
        page.wait_for_function(
            "block => block.querySelector('video')?.videoWidth > 0",
            arg=block.element_handle(),
            timeout=5000,
        )


def _capture(page: Page, block: Locator) -> None:
    for name in ("Capture", "Start streaming", "Record"):
        start = block.get_by_role("button", name=name, exact=True)
        if start.count():
            start.first.click(timeout=2000)
            break
    else:
        return
    stop = block.get_by_role("button", name="Stop recording", exact=True)
    if stop.count():
        page.wait_for_timeout(RECORDING_MS)
        stop.first.click()


def record_video(page: Page, folder: Path) -> Path:
    """A short webm video recorded in ``page`` (kept in ``folder`` for the next demos)."""
    path = folder / "sample.webm"
    if not path.exists():
        # Written aside, then renamed: checks running at once (--jobs) share the folder.
        partial_file = folder / f"sample.{os.getpid()}.webm"
        partial_file.write_bytes(base64.b64decode(page.evaluate(RECORD_JS)))
        partial_file.replace(path)
    return path
