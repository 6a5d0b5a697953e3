"""Streamed MP3 and Ogg Opus chunks: every chunk the generator yields is decoded and scheduled
back to back, so the scheduled length is the sum of the chunks' lengths."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

import pytest
from playwright.sync_api import Page, expect

from tests.browser.support import watch_errors

pytestmark = pytest.mark.browser
pytest.importorskip("numpy")
pytest.importorskip("av")


@pytest.mark.parametrize("label", ["MP3", "Opus"])
def test_compressed_chunks_play_back_to_back(
    page: Page, serve: Callable[..., str], load_demo: Callable[[str], ModuleType], label: str
) -> None:
    module = load_demo("streaming_audio_formats")
    errors = watch_errors(page)
    page.goto(serve(module.demo))
    page.get_by_role("button", name="Play").click()
    holder = page.locator(".audio-block").filter(has_text=label)
    chunks = len(module.PITCHES)
    expect(holder).to_have_attribute("data-chunks", str(chunks), timeout=30_000)
    scheduled = float(holder.get_attribute("data-scheduled") or 0)
    assert scheduled == pytest.approx(chunks * module.CHUNK_SECONDS, abs=0.01)
    assert errors == []
