"""gr.Progress: progress messages from fractions, tqdm-style loops and tqdm itself."""

from __future__ import annotations

import pytest

import limelight as gr
from limelight.testing import AsyncAppTester
from tests.support import asgi_client

TRACKER = gr.Progress()
TQDM_TRACKER = gr.Progress(track_tqdm=True)

pytestmark = pytest.mark.anyio


async def test_fraction_and_loop_report_progress() -> None:
    def work(n: float, progress: gr.Progress = TRACKER) -> str:
        progress(0.25, desc="warming up")
        for _ in progress.tqdm(range(int(n)), desc="looping"):
            pass
        return "done"

    with gr.Blocks() as demo:
        n, out = gr.Number(value=3), gr.Textbox()
        button = gr.Button()
        button.click(work, n, out)
    async with AsyncAppTester(demo) as page:
        result = await page.click(button)
    reports, messages = result.progress, result.messages
    assert reports[0] == [
        {"index": None, "length": None, "unit": "steps", "progress": 0.25, "desc": "warming up"}
    ]
    assert reports[-1] == [
        {"index": 3, "length": 3, "unit": "steps", "progress": None, "desc": "looping"}
    ]
    kinds = [m["msg"] for m in messages]
    assert kinds.index("progress") > kinds.index("process_starts")
    assert kinds.index("process_completed") > max(i for i, k in enumerate(kinds) if k == "progress")


async def test_progress_parameter_is_not_an_api_parameter() -> None:
    def work(text: str, progress: gr.Progress = TRACKER) -> str:
        return text

    with gr.Blocks() as demo:
        box = gr.Textbox()
        gr.Button().click(work, box, box)
    async with asgi_client(demo) as client:
        info = (await client.get("/gradio_api/info")).json()
    params = info["named_endpoints"]["/work"]["parameters"]
    assert [p["parameter_name"] for p in params] == ["text"]


async def test_track_tqdm_reports_tqdm_bars() -> None:
    tqdm = pytest.importorskip("tqdm")

    def work(n: float, progress: gr.Progress = TQDM_TRACKER) -> str:
        for _ in tqdm.tqdm(range(int(n)), desc="bar", mininterval=0, disable=False):
            pass
        return "ok"

    with gr.Blocks() as demo:
        n, out = gr.Number(value=2), gr.Textbox()
        button = gr.Button()
        button.click(work, n, out)
    async with AsyncAppTester(demo) as page:
        await page.set(n, 4)
        result = await page.click(button)
    reports = result.progress
    assert reports, result.messages
    assert reports[-1][0]["desc"] == "bar"
    assert reports[-1][0]["length"] == 4


def test_progress_outside_an_event_is_a_no_op() -> None:
    progress = gr.Progress().bind()
    assert progress(0.5, desc="x") == 0.5
    assert list(progress.tqdm([1, 2])) == [1, 2]
