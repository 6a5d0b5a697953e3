"""Microphone recording in gr.Audio with chromium's fake microphone: pause and resume, the
recording events reaching the server, the live recording waveform, and the sample rate of the
WAV file the browser makes."""

from __future__ import annotations

import io
import re
import wave
from collections.abc import Callable
from types import ModuleType

import pytest
from playwright.sync_api import Locator, Page, expect

from tests.browser.support import wait_for_sound

pytestmark = pytest.mark.browser


# Canvas pixels drawn taller than the 1-pixel baseline: the microphone's beeps were drawn.
TALL_BARS = """c => {
  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  const y = Math.floor(c.height / 2) - 4;
  for (let x = 0; x < c.width; x++) if (d[(y * c.width + x) * 4 + 3] > 0) return true;
  return false;
}"""


def block(page: Page, label: str) -> Locator:
    return page.locator(".audio-block").filter(has_text=label)


def recorded_wav(page: Page, holder: Locator) -> wave.Wave_read:
    """The WAV file the component now holds, fetched as the page plays it."""
    src = holder.locator("audio").get_attribute("src")
    assert src
    response = page.request.get(src if "://" in src else page.url.rstrip("/") + src)
    return wave.open(io.BytesIO(response.body()))


def test_recording_pauses_resumes_and_fires_its_events(
    media_page: Page, serve: Callable[..., str], load_demo: Callable[[str], ModuleType]
) -> None:
    page = media_page
    page.goto(serve(load_demo("audio_record").demo))
    voice = block(page, "Voice")
    events = page.get_by_label("Events")
    voice.get_by_role("button", name="Record").click()
    expect(events).to_have_value("start")
    # The live waveform draws the fake microphone's beeps while recording.
    live = voice.get_by_label("Recording waveform")
    page.wait_for_function(TALL_BARS, arg=live.element_handle(), timeout=10_000)

    voice.get_by_role("button", name="Pause recording").click()
    expect(events).to_have_value("start pause")
    expect(voice.locator(".recorder")).to_have_attribute("data-state", "paused")
    voice.get_by_role("button", name="Resume recording").click()
    expect(voice.locator(".recorder")).to_have_attribute("data-state", "recording")
    wait_for_sound(voice)
    voice.get_by_role("button", name="Stop recording").click()

    # stop_recording's listeners read the recording: it is the value by then.
    expect(events).to_have_value("start pause stop")
    expect(page.get_by_label("Recording", exact=True)).to_have_value(
        re.compile(r"^16000 Hz, \d+\.\d\d s$")
    )
    with recorded_wav(page, voice) as sound:
        assert sound.getframerate() == 16_000
        assert sound.getnframes() > 0
    # The waveform player with its buttons, and (show_controls) the browser's controls too.
    expect(voice.get_by_label("Waveform", exact=True)).to_be_visible()
    expect(voice.get_by_role("button", name=re.compile("^Skip forward by"))).to_be_visible()
    expect(voice.locator("audio[controls]")).to_be_visible()


def test_without_the_recording_waveform_the_browser_player_is_used(
    media_page: Page, serve: Callable[..., str], load_demo: Callable[[str], ModuleType]
) -> None:
    page = media_page
    page.goto(serve(load_demo("audio_record").demo))
    memo = block(page, "Memo")
    memo.get_by_role("button", name="Record").click()
    expect(memo.locator(".recorder")).to_have_attribute("data-state", "recording")
    expect(memo.get_by_label("Recording waveform")).to_have_count(0)
    wait_for_sound(memo)
    memo.get_by_role("button", name="Stop recording").click()
    expect(page.get_by_label("Recording", exact=True)).to_have_value(re.compile(r"^44100 Hz"))
    with recorded_wav(page, memo) as sound:
        assert sound.getframerate() == 44_100
    # No waveform player: the browser's own controls, no skip buttons.
    expect(memo.locator("audio[controls]")).to_be_visible()
    expect(memo.get_by_label("Waveform", exact=True)).to_have_count(0)
    expect(memo.get_by_role("button", name=re.compile("^Skip"))).to_have_count(0)


def test_the_server_starts_and_stops_recording_with_the_recording_prop(
    media_page: Page, serve: Callable[..., str], load_demo: Callable[[str], ModuleType]
) -> None:
    page = media_page
    page.goto(serve(load_demo("audio_record").demo))
    voice = block(page, "Voice")
    page.get_by_role("button", name="Start Voice from the server").click()
    expect(voice.locator(".recorder")).to_have_attribute("data-state", "recording")
    expect(page.get_by_label("Events")).to_have_value("start")
    wait_for_sound(voice)
    page.get_by_role("button", name="Stop Voice from the server").click()
    expect(page.get_by_label("Events")).to_have_value("start stop")
    expect(page.get_by_label("Recording", exact=True)).to_have_value(re.compile(r"^16000 Hz"))


def test_the_recording_prop_starts_and_stops_a_streaming_recorder(
    media_page: Page, serve: Callable[..., str]
) -> None:
    import limelight as gr

    with gr.Blocks() as app:
        mic = gr.Audio(label="Mic", sources=["microphone"], streaming=True)
        chunks = gr.Number(label="Chunks", value=0)
        start = gr.Button("Start")
        stop = gr.Button("Stop")
        mic.stream(lambda _, n: n + 1, [mic, chunks], chunks, stream_every=0.25)
        start.click(lambda: gr.update(recording=True), None, mic)
        stop.click(lambda: gr.update(recording=False), None, mic)
    page = media_page
    page.goto(serve(app))
    holder = block(page, "Mic").locator(".recorder")
    page.get_by_role("button", name="Start", exact=True).click()
    expect(holder).to_have_attribute("data-streaming", "true")
    page.wait_for_function(
        "el => Number(el.value) >= 2", arg=page.get_by_label("Chunks").element_handle()
    )
    page.get_by_role("button", name="Stop", exact=True).click()
    expect(holder).to_have_attribute("data-streaming", "false")
