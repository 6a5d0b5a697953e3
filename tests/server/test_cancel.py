"""Cancelling events (docs/security.md #34, #35): waiting jobs are dropped, running generators stop
at their next yield and run their ``finally``, and no result reaches the client after."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import AsyncIterator, Iterator
from functools import partial
from typing import Any

import anyio
import httpx
import pytest

import limelight as gr
from tests.support import (
    asgi_app_and_client,
    asgi_client,
    completion,
    get_until_disconnect,
    join,
    read_session,
    sse_messages,
    wait_until,
)

WAIT = 5.0
CANCELLED = {
    "msg": "process_completed",
    "output": {},
    "success": True,
    "title": None,
    "used_cache": None,
    "cache_duration": None,
    "avg_time": None,
}


async def _wait(event: threading.Event) -> None:
    assert await anyio.to_thread.run_sync(event.wait, WAIT), "timed out"


async def _let_a_premature_close_happen() -> None:
    """Give the server time to close a sync generator whose ``next`` still runs in its
    worker thread (the "generator already executing" bug). A correct server waits for the
    step to end whatever this waits, so this only makes the bug show reliably."""
    await anyio.sleep(0.1)


async def _cancel(client: httpx.AsyncClient, event_id: str, session_hash: str) -> None:
    response = await client.post(
        "/gradio_api/cancel",
        json={"fn_index": 0, "session_hash": session_hash, "event_id": event_id},
    )
    assert response.status_code == 200
    assert response.json() == {"success": True}


def _messages_of(messages: list[dict[str, object]], event_id: str) -> list[str]:
    return [str(m["msg"]) for m in messages if m.get("event_id") == event_id]


@pytest.mark.anyio
async def test_cancel_a_waiting_job() -> None:
    started = threading.Event()
    release = threading.Event()
    calls: list[float] = []

    def slow(n: float) -> float:
        calls.append(n)
        started.set()
        release.wait(WAIT)
        return n

    with gr.Blocks() as demo:
        number = gr.Number()
        gr.Button().click(slow, number, number, concurrency_limit=1)
    async with asgi_client(demo) as client:
        try:
            first = await join(client, 0, [1], "s")
            await _wait(started)
            second = await join(client, 0, [2], "s")
            await _cancel(client, second, "s")
        finally:
            release.set()
        messages = await read_session(client, "s")
    assert calls == [1]
    assert _messages_of(messages, second) == ["estimation", "process_completed"]
    assert completion(messages, second) == {**CANCELLED, "event_id": second}
    assert completion(messages, first)["output"]["data"] == [1]
    assert messages[-1]["msg"] == "close_stream"


@pytest.mark.anyio
async def test_cancel_a_running_sync_generator_runs_its_finally() -> None:
    yielded = threading.Event()
    proceed = threading.Event()
    closed = threading.Event()
    produced: list[int] = []

    def count() -> Iterator[str]:
        try:
            for i in range(100):
                produced.append(i)
                yield str(i)
                yielded.set()
                proceed.wait(WAIT)
        finally:
            closed.set()

    with gr.Blocks() as demo:
        out = gr.Textbox()
        gr.Button().click(count, None, out)
    async with asgi_client(demo) as client:
        event_id = await join(client, 0, [], "g")
        try:
            await _wait(yielded)
            await _cancel(client, event_id, "g")
            await _let_a_premature_close_happen()
        finally:
            proceed.set()
        await _wait(closed)
        messages = await read_session(client, "g")
    generating = [m["output"]["data"] for m in messages if m["msg"] == "process_generating"]
    assert generating == [["0"]]
    assert completion(messages, event_id) == {**CANCELLED, "event_id": event_id}
    assert produced == [0, 1]


@pytest.mark.anyio
async def test_cancel_a_running_async_generator_runs_its_finally() -> None:
    yielded = asyncio.Event()
    closed = asyncio.Event()
    never = asyncio.Event()

    async def count() -> AsyncIterator[str]:
        try:
            yield "0"
            yielded.set()
            await never.wait()
            yield "1"
        finally:
            closed.set()

    with gr.Blocks() as demo:
        out = gr.Textbox()
        gr.Button().click(count, None, out)
    async with asgi_client(demo) as client:
        event_id = await join(client, 0, [], "a")
        with anyio.fail_after(WAIT):
            await yielded.wait()
        await _cancel(client, event_id, "a")
        with anyio.fail_after(WAIT):
            await closed.wait()
        messages = await read_session(client, "a")
    assert [m["output"]["data"] for m in messages if m["msg"] == "process_generating"] == [["0"]]
    assert completion(messages, event_id) == {**CANCELLED, "event_id": event_id}


@pytest.mark.anyio
async def test_cancelled_sync_function_result_is_not_delivered() -> None:
    started = threading.Event()
    release = threading.Event()
    returned = threading.Event()

    def slow() -> str:
        started.set()
        release.wait(WAIT)
        returned.set()
        return "too late"

    with gr.Blocks() as demo:
        out = gr.Textbox()
        gr.Button().click(slow, None, out)
    async with asgi_client(demo) as client:
        try:
            event_id = await join(client, 0, [], "p")
            await _wait(started)
            await _cancel(client, event_id, "p")
        finally:
            release.set()
        await _wait(returned)
        messages = await read_session(client, "p")
        again = await join(client, 0, [], "p2")
        after = await read_session(client, "p2")
    assert "too late" not in str(messages)
    assert completion(messages, event_id) == {**CANCELLED, "event_id": event_id}
    assert completion(after, again)["output"]["data"] == ["too late"]


@pytest.mark.anyio
async def test_cancel_of_another_sessions_event_does_nothing() -> None:
    started = threading.Event()
    release = threading.Event()

    def slow() -> str:
        started.set()
        release.wait(WAIT)
        return "done"

    with gr.Blocks() as demo:
        out = gr.Textbox()
        gr.Button().click(slow, None, out)
    async with asgi_client(demo) as client:
        try:
            event_id = await join(client, 0, [], "victim")
            await _wait(started)
            await _cancel(client, event_id, "attacker")
        finally:
            release.set()
        messages = await read_session(client, "victim")
    assert completion(messages, event_id)["output"]["data"] == ["done"]


@pytest.mark.anyio
async def test_cancel_unknown_event_is_harmless() -> None:
    with gr.Blocks() as demo:
        gr.Button().click(lambda: None)
    async with asgi_client(demo) as client:
        await _cancel(client, "0" * 32, "nobody")
        reset = await client.post("/gradio_api/reset", json={"event_id": "0" * 32})
    assert reset.json() == {"success": True}


@pytest.mark.anyio
async def test_cancelled_call_api_event_reports_an_error_event() -> None:
    yielded = asyncio.Event()
    never = asyncio.Event()

    async def count() -> AsyncIterator[str]:
        yield "0"
        yielded.set()
        await never.wait()

    with gr.Blocks() as demo:
        out = gr.Textbox()
        gr.Button().click(count, None, out, api_name="count")
    async with asgi_app_and_client(demo) as (app, client):
        started = await client.post("/gradio_api/call/count", json={"data": []})
        event_id = started.json()["event_id"]
        with anyio.fail_after(WAIT):
            await yielded.wait()
        await app.state.services.queue.cancel(event_id)
        stream = await client.get(f"/gradio_api/call/count/{event_id}")
    assert sse_messages(stream.text) == [
        {"event": "generating", "data": ["0"]},
        {"event": "error", "data": {"error": "Cancelled", "visible": True}},
    ]


@pytest.mark.anyio
async def test_client_disconnect_stops_a_sync_generator() -> None:
    yielded = threading.Event()
    proceed = threading.Event()
    closed = threading.Event()

    def count() -> Iterator[str]:
        try:
            for i in range(100):
                yield str(i)
                yielded.set()
                proceed.wait(WAIT)
        finally:
            closed.set()

    with gr.Blocks() as demo:
        out = gr.Textbox()
        gr.Button().click(count, None, out)
    async with asgi_app_and_client(demo) as (app, client):
        await join(client, 0, [], "gone")
        disconnect = anyio.Event()
        async with anyio.create_task_group() as tg:
            tg.start_soon(
                get_until_disconnect, app, "/gradio_api/queue/data", "session_hash=gone", disconnect
            )
            try:
                await _wait(yielded)
                disconnect.set()
                await _let_a_premature_close_happen()
            finally:
                proceed.set()
        await _wait(closed)
        await wait_until(partial(_no_pending, app, "gone"))


@pytest.mark.anyio
async def test_client_disconnect_stops_an_async_generator_and_drops_queued_events() -> None:
    yielded = asyncio.Event()
    closed = asyncio.Event()
    never = asyncio.Event()
    runs: list[str] = []

    async def count() -> AsyncIterator[str]:
        runs.append("run")
        try:
            yield "0"
            yielded.set()
            await never.wait()
        finally:
            closed.set()

    with gr.Blocks() as demo:
        out = gr.Textbox()
        gr.Button().click(count, None, out, concurrency_limit=1)
    async with asgi_app_and_client(demo) as (app, client):
        await join(client, 0, [], "gone")
        await join(client, 0, [], "gone")
        disconnect = anyio.Event()
        async with anyio.create_task_group() as tg:
            tg.start_soon(
                get_until_disconnect, app, "/gradio_api/queue/data", "session_hash=gone", disconnect
            )
            with anyio.fail_after(WAIT):
                await yielded.wait()
            disconnect.set()
        with anyio.fail_after(WAIT):
            await closed.wait()
        await wait_until(partial(_no_pending, app, "gone"))
    assert runs == ["run"]


async def _no_pending(app: Any, session_hash: str) -> bool:
    return await app.state.services.queue.pending(session_hash) == 0
