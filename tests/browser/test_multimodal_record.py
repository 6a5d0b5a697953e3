"""A voice note in gr.MultimodalTextbox with chromium's fake microphone: recorded, attached as
WAV, and submitted with the message's text."""

from __future__ import annotations

import re
from collections.abc import Callable
from types import ModuleType

import pytest
from playwright.sync_api import Page, expect

from tests.browser.support import wait_for_sound

pytestmark = pytest.mark.browser


def test_a_recording_is_attached_and_submitted_with_the_text(
    media_page: Page, serve: Callable[..., str], load_demo: Callable[[str], ModuleType]
) -> None:
    page = media_page
    page.goto(serve(load_demo("chatbot_multimodal").demo))
    box = page.locator(".multimodal")
    box.get_by_role("button", name="Record").click()
    expect(box.locator(".recorder")).to_have_attribute("data-state", "recording")
    # Words typed while recording stay in the message when the recording is attached.
    page.get_by_placeholder("Type a message...").fill("my voice note")
    box.get_by_role("button", name="Pause recording").click()
    box.get_by_role("button", name="Resume recording").click()
    wait_for_sound(box)
    box.get_by_role("button", name="Stop recording").click()
    expect(page.locator(".mm-files")).to_contain_text("recording.wav")
    page.get_by_placeholder("Type a message...").press("Enter")
    reply = page.locator(".chat-bot").last
    expect(reply).to_contain_text("You sent 1 file(s) with the words: my voice note")
    expect(reply).to_contain_text(re.compile(r"recording\.wav \([1-9]\d* bytes\)"))
