"""Batching, time limits and queue rank updates."""

from __future__ import annotations

import threading

import anyio
import pytest

import limelight as gr
from limelight.server import queue
from limelight.server.services import ServerSettings
from tests.support import asgi_client, completion, join, read_session

pytestmark = pytest.mark.anyio


async def test_batch_gathers_waiting_calls_into_one() -> None:
    calls: list[int] = []
    release = threading.Event()

    def block(x: str) -> str:
        release.wait(5)
        return x

    def shout(words: list[str]) -> list[list[str]]:
        calls.append(len(words))
        return [[w.upper() for w in words]]

    with gr.Blocks() as demo:
        box, out = gr.Textbox(), gr.Textbox()
        gr.Button().click(block, box, out, concurrency_id="shared")
        gr.Button().click(shout, box, out, batch=True, max_batch_size=3, concurrency_id="shared")
    async with asgi_client(demo) as client:
        await join(client, 0, ["first"], session_hash="blocker")
        ids = [await join(client, 1, [w], session_hash=f"s{w}") for w in "abcd"]
        release.set()
        results = {}
        for word, event_id in zip("abcd", ids):
            done = completion(await read_session(client, f"s{word}"), event_id)
            results[word] = done["output"]["data"]
    assert results == {w: [w.upper()] for w in "abcd"}
    assert calls == [3, 1]


async def test_a_batch_function_returning_the_wrong_shape_is_an_error() -> None:
    with gr.Blocks() as demo:
        box = gr.Textbox()
        gr.Button().click(lambda words: "oops", box, box, batch=True)
    async with asgi_client(demo, ServerSettings(show_error=True)) as client:
        event_id = await join(client, 0, ["a"], session_hash="x")
        done = completion(await read_session(client, "x"), event_id)
    assert done["success"] is False
    assert "one list per output" in done["output"]["error"]


async def test_time_limit_ends_the_event_with_a_clear_error() -> None:
    async def slow(text: str) -> str:
        await anyio.Event().wait()  # stands for work that outlasts the limit
        return text

    with gr.Blocks() as demo:
        box = gr.Textbox()
        gr.Button().click(slow, box, box, time_limit=0.05)
        gr.Button().click(str.upper, box, box)
    async with asgi_client(demo) as client:
        event_id = await join(client, 0, ["a"], session_hash="x")
        done = completion(await read_session(client, "x"), event_id)
        assert done["success"] is False
        assert "time limit of 0.05 seconds" in done["output"]["error"]
        after = await join(client, 1, ["b"], session_hash="x")
        assert completion(await read_session(client, "x"), after)["output"]["data"] == ["B"]


async def test_waiting_jobs_hear_their_new_rank(monkeypatch: pytest.MonkeyPatch) -> None:
    # Rank updates are throttled; without the throttle every claim announces at once.
    monkeypatch.setattr(queue, "ESTIMATION_DELAY", 0.0)
    started = threading.Event()
    release = threading.Event()

    def block(x: str) -> str:
        started.set()
        release.wait(5)
        return x

    with gr.Blocks() as demo:
        box = gr.Textbox()
        gr.Button().click(block, box, box)
    async with asgi_client(demo) as client:
        for i in range(3):
            await join(client, 0, [str(i)], session_hash=f"s{i}")
        assert await anyio.to_thread.run_sync(started.wait, 5)
        release.set()
        last = await read_session(client, "s2")
    ranks = [m["rank"] for m in last if m["msg"] == "estimation"]
    assert ranks[0] == 1
    assert 0 in ranks
