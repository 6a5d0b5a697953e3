"""Chromium plays what ``gr.Audio(format=...)`` writes: the element loads the whole sound
(a duration, no error) and the waveform decodes it. Each format Audio reads, uploaded through
the page, plays in the input and reaches the function as samples. No ``ffmpeg`` program is on
PATH."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

import limelight as gr
from limelight.components.audio_codecs import FORMATS
from tests.browser.support import media_loaded
from tests.media_support import INPUTS, dominant_frequency, encode_with_pyav, tone

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("no_ffmpeg")]
np = pytest.importorskip("numpy")
pytest.importorskip("av")

RATE = 44100


def two_seconds() -> tuple[int, object]:
    t = np.arange(2 * RATE) / RATE
    return RATE, (0.4 * 32767 * np.sin(2 * np.pi * 440 * t)).astype(np.int16)


@pytest.mark.parametrize("fmt", FORMATS)
def test_chromium_plays_each_encoded_format(
    page: Page, serve: Callable[..., str], fmt: str
) -> None:
    with gr.Blocks() as demo:
        gr.Audio(two_seconds(), format=fmt, elem_id="out")
    page.goto(serve(demo))
    audio = page.locator("#out audio")
    expect(audio).to_have_attribute("src", re.compile(rf"\.{fmt}$"))
    played = media_loaded(audio)
    assert played["error"] is None
    assert played["duration"] == pytest.approx(2.0, abs=0.1)
    # The waveform decoded the same file with the page's own audio decoder.
    waveform = page.locator("#out .waveform")
    expect(waveform).to_have_attribute("data-duration", re.compile(r"^(1\.9\d\d|2\.0\d\d)$"))


def describe(sound: tuple[int, Any]) -> str:
    rate, samples = sound
    return f"{rate} Hz {samples.dtype} {samples.shape} {dominant_frequency(rate, samples):.0f}"


# Chromium plays WAV of 8 to 32-bit integers and 32-bit floats, not of 64-bit floats (as
# Gradio, limelight shows an upload as it is); the function still gets the samples.
PLAYED = [
    pytest.param(kind, marks=pytest.mark.xfail(strict=True, reason="not played by chromium"))
    if kind == "wavdouble"
    else kind
    for kind in INPUTS
]


@pytest.mark.parametrize("kind", PLAYED)
def test_each_uploaded_format_plays_and_reaches_the_function(
    page: Page, serve: Callable[..., str], tmp_path: Path, kind: str
) -> None:
    with gr.Blocks() as demo:
        sound = gr.Audio(type="numpy", label="Sound", elem_id="in")
        got = gr.Textbox(label="Got")
        sound.upload(describe, sound, got)
    page.goto(serve(demo))
    upload = encode_with_pyav(kind, tone(2), tmp_path)
    page.locator("#in input[type=file]").set_input_files(str(upload))
    rate = INPUTS[kind][4]
    expect(page.get_by_label("Got")).to_have_value(
        re.compile(rf"^{rate} Hz int16 \(2[0-9]{{4}}, 2\) 4[34][0-9]$")
    )
    played = media_loaded(page.locator("#in audio"))
    assert played["error"] is None
    assert played["duration"] == pytest.approx(0.5, abs=0.1)
