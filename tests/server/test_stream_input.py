"""Media input streams: a ``stream`` event runs once per chunk the browser posts."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

import limelight as gr
from limelight.app.config import build_config
from limelight.core.events import EventListener
from tests.support import (
    FakeClock,
    asgi_app_and_client,
    asgi_client,
    completion,
    join,
    kinds,
    read_session,
    wait_until,
)


class StreamingTextbox(gr.Textbox):
    """A textbox that fires ``stream`` (the protocol does not care which component does)."""

    stream = EventListener("stream")


def _app(
    calls: list[Any], clock: FakeClock | None = None, work: float = 0.0, **options: Any
) -> gr.Blocks:
    """A stream event echoing each chunk; each run takes ``work`` seconds of ``clock``."""

    def echo(value: str) -> str:
        if clock is not None:
            clock.now += work
        calls.append(value)
        return f"got {value}"

    with gr.Blocks() as demo:
        source = StreamingTextbox()
        out = gr.Textbox()
        source.stream(echo, source, out, **options)
    return demo


async def _push(client: httpx.AsyncClient, event_id: str, value: Any, session: str = "s") -> int:
    body = {"data": [value], "fn_index": 0, "session_hash": session}
    response = await client.post(f"/gradio_api/stream/{event_id}", json=body)
    return response.status_code


@pytest.mark.anyio
async def test_each_chunk_runs_and_outputs_update_until_close() -> None:
    calls: list[Any] = []
    async with asgi_client(_app(calls)) as client:
        event_id = await join(client, 0, ["a"], "s")
        await wait_until(lambda: calls == ["a"])
        assert await _push(client, event_id, "b") == 200
        await wait_until(lambda: calls == ["a", "b"])
        closed = await client.post(f"/gradio_api/stream/{event_id}/close")
        assert closed.json() == {"msg": "success"}
        messages = await read_session(client, "s")
    streamed = [m for m in messages if m["msg"] == "process_streaming"]
    assert [m["output"]["data"] for m in streamed] == [["got a"], ["got b"]]
    assert all(m["output"]["is_generating"] for m in streamed)
    done = completion(messages)
    assert done["success"] and done["output"]["data"] == ["got b"]
    assert kinds(messages)[-2:] == ["process_completed", "close_stream"]


@pytest.mark.anyio
async def test_time_limit_counts_processing_not_waiting() -> None:
    calls: list[Any] = []
    clock = FakeClock()
    async with asgi_app_and_client(_app(calls, clock, work=0.1, time_limit=1.5)) as (app, client):
        app.state.services.runner.clock = clock
        event_id = await join(client, 0, [0], "s")
        await wait_until(lambda: len(calls) == 1)
        clock.now += 1.8  # a wait for the next chunk longer than the limit does not count
        assert await _push(client, event_id, 1) == 200
        await wait_until(lambda: len(calls) == 2)
        await client.post(f"/gradio_api/stream/{event_id}/close")
        messages = await read_session(client, "s")
    assert completion(messages)["output"]["data"] == ["got 1"]
    limits = [m["time_limit"] for m in messages if m["msg"] == "process_streaming"]
    assert limits == [pytest.approx(1.4), pytest.approx(1.3)]


@pytest.mark.anyio
async def test_stream_ends_once_processing_used_the_time_limit() -> None:
    calls: list[Any] = []
    clock = FakeClock()
    async with asgi_app_and_client(_app(calls, clock, work=0.1, time_limit=0.05)) as (
        app,
        client,
    ):
        app.state.services.runner.clock = clock
        event_id = await join(client, 0, ["a"], "s")
        messages = await read_session(client, "s")
        assert await _push(client, event_id, "b") == 404
    assert calls == ["a"]
    assert completion(messages)["output"]["data"] == ["got a"]
    assert "process_streaming" not in kinds(messages)


@pytest.mark.anyio
async def test_bad_chunks_are_refused_with_4xx() -> None:
    calls: list[Any] = []
    async with asgi_client(_app(calls)) as client:
        event_id = await join(client, 0, ["a"], "s")
        await wait_until(lambda: calls == ["a"])
        assert await _push(client, event_id, "x", session="other") == 404
        assert await _push(client, "0" * 32, "x") == 404
        assert (await client.post(f"/gradio_api/stream/{'0' * 32}/close")).status_code == 404
        assert await _push(client, event_id, {"not": "text"}) == 422
        bad_json = await client.post(f"/gradio_api/stream/{event_id}", content=b"{")
        assert 400 <= bad_json.status_code < 500
        await client.post(f"/gradio_api/stream/{event_id}/close")
        messages = await read_session(client, "s")
    assert calls == ["a"]
    assert completion(messages)["success"]


@pytest.mark.anyio
async def test_api_clients_get_one_run_per_call() -> None:
    calls: list[Any] = []
    async with asgi_client(_app(calls)) as client:
        joined = await client.post(
            "/gradio_api/queue/join",
            json={"data": ["b"], "fn_index": 0, "session_hash": "api"},
            headers={"x-gradio-user": "api"},
        )
        assert joined.status_code == 200
        messages = await read_session(client, "api")
    assert completion(messages)["output"]["data"] == ["got b"]
    assert "process_streaming" not in kinds(messages)


def test_config_marks_stream_events() -> None:
    demo = _app([], stream_every=0.25, time_limit=5)
    config = build_config(demo)
    dep = config["dependencies"][0]
    assert dep["connection"] == "stream"
    assert dep["trigger_mode"] == "multiple"
    assert dep["stream_every"] == 0.25 and dep["time_limit"] == 5
    assert config["connect_heartbeat"] is True


@pytest.mark.anyio
async def test_a_stream_without_chunks_for_the_idle_time_ends() -> None:
    calls: list[Any] = []
    async with asgi_app_and_client(_app(calls)) as (app, client):
        app.state.services.runner.stream_idle_seconds = 0  # the browser went quiet at once
        event_id = await join(client, 0, ["a"], "s")
        messages = await read_session(client, "s")
        assert await _push(client, event_id, "b") == 404
    assert calls == ["a"]
    assert completion(messages)["output"]["data"] == ["got a"]
