"""Videos in Debian's chromium: a transcoded output plays (chromium reports its duration and no
error; Debian's build plays H.264), and a streamed output plays its segments back to back."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

import limelight as gr
from tests.browser.support import wait_ready
from tests.video_support import encode

pytestmark = pytest.mark.browser
Serve = Callable[..., str]

PLAYS = """el => el.readyState >= 1 && el.duration > 0 && !el.error"""
# a stream's duration may be Infinity (a live MediaSource): what it holds is what was appended
BUFFERED = "el => el.buffered.length ? el.buffered.end(el.buffered.length - 1) : 0"


def test_an_avi_output_plays_in_the_browser(page: Page, serve: Serve, tmp_path: Path) -> None:
    avi = encode(tmp_path / "clip.avi", "mpeg4", frames=24)
    with gr.Blocks() as demo:
        out = gr.Video(label="Result")
        gr.Button("Show").click(lambda: str(avi), None, out)
    page.goto(serve(demo))
    page.get_by_role("button", name="Show").click()
    video = page.locator("video")
    page.wait_for_function(PLAYS, arg=video.element_handle())
    assert video.evaluate("el => el.duration") == pytest.approx(2, abs=0.2)
    assert video.get_attribute("src", timeout=1000).endswith(".mp4")


def test_an_h264_output_with_sound_plays_in_the_browser(
    page: Page, serve: Serve, tmp_path: Path
) -> None:
    mp4 = encode(tmp_path / "clip.mp4", "h264", sound="aac")
    demo = gr.Interface(lambda: str(mp4), None, gr.Video())
    page.goto(serve(demo))
    page.get_by_role("button", name="Generate").click()
    page.wait_for_function(PLAYS, arg=page.locator("video").element_handle())


def test_a_streamed_video_plays_its_segments(page: Page, serve: Serve, tmp_path: Path) -> None:
    segments = [encode(tmp_path / f"part{i}.avi", "mpeg4", frames=24) for i in range(3)]

    def stream() -> Iterator[str]:
        yield from (str(s) for s in segments)

    with gr.Blocks() as demo:
        out = gr.Video(streaming=True, autoplay=True)
        gr.Button("Stream").click(stream, None, out)
    page.goto(serve(demo))
    page.get_by_role("button", name="Stream").click()
    video = page.locator("video")
    page.wait_for_function(
        f"el => ({BUFFERED})(el) >= 5.5 && !el.error", arg=video.element_handle()
    )
    assert video.evaluate(BUFFERED) < 6.5  # each segment once
    video.evaluate("el => { el.muted = true; return el.play(); }")
    page.wait_for_function("el => el.currentTime > 0.5", arg=video.element_handle())


def test_a_second_run_starts_a_new_stream(page: Page, serve: Serve, tmp_path: Path) -> None:
    segments = [encode(tmp_path / f"part{i}.avi", "mpeg4", frames=24) for i in range(2)]
    runs: list[int] = []

    def stream() -> Iterator[str]:
        yield from (str(s) for s in segments)

    def done() -> str:
        runs.append(1)
        return f"{len(runs)} done"

    with gr.Blocks() as demo:
        out = gr.Video(streaming=True)
        status = gr.Textbox(label="Runs")
        gr.Button("Stream").click(stream, None, out).then(done, None, status)
    # Allowed, as files the run did not write are only handed out from allowed paths.
    wait_ready(page, serve(demo, allowed_paths=[str(tmp_path)]))
    video = page.locator("video")
    page.get_by_role("button", name="Stream").click()
    # A click while the run goes on is ignored (trigger_mode "once"): wait for its end.
    expect(page.get_by_label("Runs")).to_have_value("1 done")
    page.wait_for_function(f"el => ({BUFFERED})(el) >= 3.5", arg=video.element_handle())
    first = video.get_attribute("src")
    page.get_by_role("button", name="Stream").click()
    expect(page.get_by_label("Runs")).to_have_value("2 done")
    # Either the second run's two segments in a stream of their own, or (the bug) appended
    # to the first run's.
    page.wait_for_function(
        f"([el, first]) => el.src !== first && ({BUFFERED})(el) >= 3.5 || ({BUFFERED})(el) >= 7.5",
        arg=[video.element_handle(), first],
    )
    assert video.get_attribute("src") != first
    assert video.evaluate(BUFFERED) < 4.5
