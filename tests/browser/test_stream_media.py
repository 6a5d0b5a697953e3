"""Streaming media input with chromium's fake microphone and camera: outputs update while
the browser records."""

from __future__ import annotations

import re
from collections.abc import Callable
from types import ModuleType

import pytest
from playwright.sync_api import Locator, Page, expect

pytestmark = pytest.mark.browser
pytest.importorskip("numpy")

COUNT_ABOVE = "([el, n]) => Number(el.value.split(' ')[1].replace(':', '')) >= n"


def count(box: Locator) -> int:
    """The running number in "chunk 3: ..." or "frame 3: ..."."""
    return int(box.input_value().split(" ")[1].rstrip(":"))


def test_level_updates_while_recording_and_stops(
    media_page: Page, serve: Callable[..., str], load_demo: Callable[[str], ModuleType]
) -> None:
    page = media_page
    page.goto(serve(load_demo("stream_mic").demo))
    page.get_by_role("button", name="Record").click()
    stop = page.get_by_role("button", name="Stop streaming")
    expect(stop).to_be_visible()
    level = page.get_by_label("Level")
    expect(level).to_have_value(re.compile(r"^chunk \d+: 0\.\d\d s"))
    first = count(level)
    page.wait_for_function(COUNT_ABOVE, arg=[level.element_handle(), first + 2])
    # The fake microphone beeps once a second: some chunk is loud.
    page.wait_for_function(
        "el => Number(el.value) > -40", arg=page.get_by_label("dBFS").element_handle()
    )
    expect(stop).to_be_visible()  # still recording while the outputs changed
    stop.click()
    expect(page.get_by_role("button", name="Record")).to_be_visible()


def test_webcam_frames_stream_and_outputs_update(
    media_page: Page, serve: Callable[..., str], load_demo: Callable[[str], ModuleType]
) -> None:
    page = media_page
    page.goto(serve(load_demo("stream_webcam").demo))
    page.get_by_role("button", name="Start streaming").click()
    frames = page.get_by_label("Frames")
    expect(frames).to_have_value(re.compile(r"^frame \d+: \d+x\d+$"))
    first = count(frames)
    page.wait_for_function(COUNT_ABOVE, arg=[frames.element_handle(), first + 2])
    mirrored = page.locator("[data-block]").filter(has=page.get_by_text("Mirrored", exact=True))
    expect(mirrored.locator("img")).to_be_visible()
    page.get_by_role("button", name="Stop streaming").click()
    expect(page.get_by_role("button", name="Start streaming")).to_be_visible()


def test_webcam_snapshot_is_uploaded(
    media_page: Page, serve: Callable[..., str], load_demo: Callable[[str], ModuleType]
) -> None:
    page = media_page
    page.goto(serve(load_demo("sepia_filter").demo))
    page.get_by_role("button", name="Webcam").click()
    page.wait_for_function("() => document.querySelector('.webcam video')?.videoWidth > 0")
    page.get_by_role("button", name="Capture").click()
    expect(page.locator(".image-block img").first).to_be_visible()


def test_a_message_box_attaches_a_microphone_recording(
    media_page: Page, serve: Callable[..., str]
) -> None:
    import limelight as gr

    with gr.Blocks() as app:
        box = gr.MultimodalTextbox(sources=["microphone", "upload"], label="Message")
        said = gr.Textbox(label="Got")
        box.submit(lambda m: ", ".join(p.rsplit(".", 1)[-1] for p in m["files"]), box, said)
    page = media_page
    page.goto(serve(app))
    expect(page.get_by_role("button", name="Attach files")).to_be_visible()
    page.get_by_role("button", name="Record").click()
    stop = page.get_by_role("button", name="Stop recording")
    expect(stop).to_be_visible()
    page.wait_for_timeout(600)  # let the fake microphone record something to stop
    stop.click()
    expect(page.locator(".mm-files li")).to_contain_text("recording.wav")
    page.get_by_label("Message").press("Enter")
    expect(page.get_by_label("Got")).to_have_value("wav")
