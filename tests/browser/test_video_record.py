"""Webcam video recording with chromium's fake camera: the recording is uploaded as webm and
becomes the component's value."""

from __future__ import annotations

import re
from collections.abc import Callable
from types import ModuleType

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


def test_webcam_recording_becomes_the_value(
    media_page: Page, serve: Callable[..., str], load_demo: Callable[[str], ModuleType]
) -> None:
    page = media_page
    page.goto(serve(load_demo("video_recorder").demo))
    page.get_by_role("button", name="Webcam").click()
    page.wait_for_function("() => document.querySelector('.webcam video')?.videoWidth > 0")
    page.get_by_role("button", name="Record").click()
    stop = page.get_by_role("button", name="Stop recording")
    expect(stop).to_be_visible()
    page.wait_for_timeout(700)
    stop.click()
    expect(page.get_by_label("Recording")).to_have_value(re.compile(r"^\.webm [1-9]\d* bytes$"))
    # Both the recorder (now holding its value) and the output play the recording.
    expect(page.locator(".video-block video")).to_have_count(2)
    playback = page.locator(".video-block video").nth(1)
    page.wait_for_function("el => el.readyState >= 1", arg=playback.element_handle())
