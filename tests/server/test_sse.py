"""EventStream: streams text as SSE; a client that goes away stops the producer."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import AsyncGenerator
from typing import Any

import pytest

from limelight.server.sse import EventStream, Last

pytestmark = pytest.mark.anyio


async def _drive(stream: EventStream, disconnect: asyncio.Event) -> list[dict[str, Any]]:
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        await disconnect.wait()
        return {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    await stream({"type": "http", "method": "GET"}, receive, send)
    return sent


async def test_streams_every_chunk_then_ends() -> None:
    async def events() -> AsyncGenerator[str, None]:
        yield "data: 1\n\n"
        yield "data: 2\n\n"

    sent = await _drive(EventStream(events(), {"cache-control": "no-cache"}), asyncio.Event())
    assert sent[0]["status"] == 200
    assert (b"content-type", b"text/event-stream; charset=utf-8") in sent[0]["headers"]
    assert [m["body"] for m in sent[1:]] == [b"data: 1\n\n", b"data: 2\n\n", b""]
    assert sent[-1]["more_body"] is False


async def test_a_last_text_ends_the_response_with_it_and_closes_the_producer() -> None:
    closed = asyncio.Event()

    async def events() -> AsyncGenerator[str, None]:
        try:
            yield "data: 1\n\n"
            yield Last("data: 2\n\n")
            yield "data: never\n\n"
        finally:
            closed.set()

    sent = await _drive(EventStream(events()), asyncio.Event())
    assert [(m["body"], m["more_body"]) for m in sent[1:]] == [
        (b"data: 1\n\n", True),
        (b"data: 2\n\n", False),
    ]
    assert closed.is_set()


async def test_a_disconnect_cancels_the_waiting_producer_and_runs_its_finally() -> None:
    closed = asyncio.Event()
    disconnect = asyncio.Event()

    async def events() -> AsyncGenerator[str, None]:
        try:
            yield "data: first\n\n"
            disconnect.set()
            await asyncio.Event().wait()  # never set: only the disconnect ends this
            yield "data: never\n\n"
        finally:
            closed.set()

    sent = await asyncio.wait_for(_drive(EventStream(events()), disconnect), 5)
    assert closed.is_set()
    assert [m.get("body") for m in sent[1:]] == [b"data: first\n\n"]
    task = asyncio.current_task()
    if sys.version_info >= (3, 11):  # the cancellation it used is taken back
        assert task is not None and not task.cancelling()
