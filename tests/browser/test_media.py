"""The media demos in a browser: uploads of generated files, previews, playback, select."""

from __future__ import annotations

import wave
import zipfile
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest
from playwright.sync_api import Locator, Page, expect

pytestmark = pytest.mark.browser
np = pytest.importorskip("numpy")
PIL_Image = pytest.importorskip("PIL.Image")

Serve = Callable[..., str]
Load = Callable[[str], ModuleType]


def png_file(tmp_path: Path, colour: tuple[int, int, int] = (30, 120, 200)) -> Path:
    path = tmp_path / "photo.png"
    PIL_Image.new("RGB", (32, 24), colour).save(path)
    return path


def wav_file(tmp_path: Path, seconds: float = 0.5, rate: int = 8000) -> Path:
    path = tmp_path / "tone.wav"
    t = np.arange(int(rate * seconds)) / rate
    samples = (0.3 * np.sin(2 * np.pi * 440 * t) * 32767).astype("<i2")
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(samples.tobytes())
    return path


def block_of(page: Page, label: str) -> Locator:
    return page.locator("[data-block]").filter(has=page.get_by_text(label, exact=True)).last


def image_loaded(img: Locator) -> None:
    expect(img).to_be_visible()
    img.page.wait_for_function("el => el.complete && el.naturalWidth > 0", arg=img.element_handle())


def test_sepia_uploads_previews_and_shows_the_result(
    page: Page, serve: Serve, load_demo: Load, tmp_path: Path
) -> None:
    page.goto(serve(load_demo("sepia_filter").demo))
    photo = block_of(page, "Photo")
    photo.locator("input[type=file]").set_input_files(str(png_file(tmp_path)))
    image_loaded(photo.locator("img"))
    page.get_by_role("button", name="Submit").click()
    result = block_of(page, "Sepia").locator("img")
    image_loaded(result)
    assert result.get_attribute("src", timeout=1000)


def test_reverse_audio_plays_the_result(
    page: Page, serve: Serve, load_demo: Load, tmp_path: Path
) -> None:
    page.goto(serve(load_demo("reverse_audio").demo))
    sound = block_of(page, "Sound")
    sound.locator("input[type=file]").set_input_files(str(wav_file(tmp_path)))
    # The waveform player's buttons drive the page's (control-less) audio element.
    expect(sound.get_by_role("button", name="Play")).to_be_visible()
    page.get_by_role("button", name="Submit").click()
    player = block_of(page, "Backwards").locator("audio")
    expect(player).to_be_attached()
    page.wait_for_function(
        "el => el.readyState >= 2 && el.duration > 0.4", arg=player.element_handle()
    )
    player.evaluate("el => { el.muted = true; return el.play(); }")
    page.wait_for_function("el => el.currentTime > 0", arg=player.element_handle())


def test_streamed_speech_is_scheduled_back_to_back(
    page: Page, serve: Serve, load_demo: Load
) -> None:
    module = load_demo("streaming_tts")
    page.goto(serve(module.demo))
    page.get_by_role("button", name="Speak").click()
    holder = page.locator(".audio-block")
    sentences = [
        s for s in ["Hello there", " This is a stream", " Each sentence plays", ""] if s.strip()
    ]
    expected = sum(len(module.tone(s.strip())) for s in sentences) / module.RATE
    page.wait_for_function(
        "([el, want]) => Number(el.getAttribute('data-scheduled')) >= want - 0.01",
        arg=[holder.element_handle(), expected],
        timeout=30_000,  # generous: a loaded CI machine decodes slowly
    )


def test_zip_contents_become_json(
    page: Page, serve: Serve, load_demo: Load, tmp_path: Path
) -> None:
    archive = tmp_path / "bundle.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr("a.txt", "hello")
        out.writestr("dir/b.bin", b"\0" * 42)
    page.goto(serve(load_demo("zip_to_json").demo))
    block_of(page, "Archive").locator("input[type=file]").set_input_files(str(archive))
    expect(page.get_by_role("link", name="bundle.zip")).to_be_visible()
    page.get_by_role("button", name="Submit").click()
    contents = block_of(page, "Contents")
    expect(contents).to_contain_text("dir/b.bin")
    expect(contents).to_contain_text("42")


def test_gallery_renders_and_select_reports_the_index(
    page: Page, serve: Serve, load_demo: Load
) -> None:
    page.goto(serve(load_demo("gallery_select").demo))
    items = page.locator(".gallery-item")
    expect(items).to_have_count(4)
    for i in range(4):
        image_loaded(items.nth(i).locator("img"))
    page.get_by_role("button", name="blue").click()
    expect(page.get_by_label("Picked", exact=True)).to_have_value("You picked blue (item 2)")
    expect(page.locator(".gallery-preview img")).to_be_visible()
