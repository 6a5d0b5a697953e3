"""The HTTP protocol's transport: a response's head goes out in one write with its body."""

from __future__ import annotations

import asyncio
from typing import Any, cast

import pytest

from limelight.server.coalesce import HeadHoldingTransport

pytestmark = pytest.mark.anyio

HEAD = b"HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\n"


class _Recorder:
    """What a transport would have written, one entry per write."""

    def __init__(self) -> None:
        self.writes: list[bytes] = []
        self.closed = False

    def write(self, data: bytes) -> None:
        self.writes.append(bytes(data))

    def is_closing(self) -> bool:
        return self.closed

    def close(self) -> None:
        self.closed = True

    def get_extra_info(self, name: str, default: Any = None) -> Any:
        return {"peername": ("127.0.0.1", 1)}.get(name, default)


def _wrap() -> tuple[_Recorder, HeadHoldingTransport]:
    raw = _Recorder()
    held = HeadHoldingTransport(cast(asyncio.Transport, raw), asyncio.get_running_loop())
    return raw, held


async def test_a_head_and_its_body_are_one_write() -> None:
    raw, transport = _wrap()
    transport.write(HEAD)
    assert raw.writes == []
    transport.write(b"ok")
    await asyncio.sleep(0)
    assert raw.writes == [HEAD + b"ok"]


async def test_a_head_alone_goes_out_on_the_loops_next_turn() -> None:
    raw, transport = _wrap()
    transport.write(HEAD)
    await asyncio.sleep(0)
    assert raw.writes == [HEAD]
    transport.write(b"data: 1\n\n")  # the stream's later writes are not held
    assert raw.writes == [HEAD, b"data: 1\n\n"]


async def test_closing_writes_a_held_head_first() -> None:
    raw, transport = _wrap()
    transport.write(HEAD)
    transport.close()
    assert raw.writes == [HEAD] and raw.closed
    assert transport.get_extra_info("peername") == ("127.0.0.1", 1)
