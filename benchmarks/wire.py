"""A minimal HTTP/1.1 client on asyncio streams, for the load figures.

httpx spends about 1.5 ms of client CPU per request on these machines, so with the server
and the load on 2 cores it measures itself long before it measures a fast server. This
client writes requests by hand and reads ``Content-Length`` and chunked bodies (SSE), at a
small fraction of that cost. It talks to 127.0.0.1 only.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

__all__ = ["Connection", "Event", "call_v2"]

HOST = "127.0.0.1"


@dataclass
class Event:
    """One server-sent event and when it arrived (``time.perf_counter``)."""

    at: float
    name: str
    data: str


class Connection:
    """One keep-alive connection to the server on ``port`` (reopened when it closes)."""

    def __init__(self, port: int) -> None:
        self.port = port
        self._reader: asyncio.StreamReader | None = None
        self._writer: asyncio.StreamWriter | None = None

    async def _send(self, method: str, path: str, body: bytes | None) -> asyncio.StreamReader:
        if self._writer is None or self._writer.is_closing():
            self._reader, self._writer = await asyncio.open_connection(HOST, self.port)
        assert self._reader is not None
        head = f"{method} {path} HTTP/1.1\r\nHost: {HOST}:{self.port}\r\n"
        if body is not None:
            head += f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n"
        self._writer.write(head.encode() + b"\r\n" + (body or b""))
        return self._reader

    async def _head(self, reader: asyncio.StreamReader) -> tuple[int, dict[str, str]]:
        raw = await reader.readuntil(b"\r\n\r\n")
        lines = raw.decode("latin-1").split("\r\n")
        headers = {}
        for line in lines[1:]:
            if ":" in line:
                name, value = line.split(":", 1)
                headers[name.strip().lower()] = value.strip()
        return int(lines[0].split()[1]), headers

    async def request(self, method: str, path: str, body: Any = None) -> tuple[int, bytes]:
        """Send a request (``body`` as JSON) and read the whole response."""
        data = json.dumps(body).encode() if body is not None else None
        reader = await self._send(method, path, data)
        status, headers = await self._head(reader)
        if headers.get("transfer-encoding") == "chunked":
            content = b"".join([chunk async for chunk in self._chunks(reader)])
        else:
            content = await reader.readexactly(int(headers.get("content-length", "0")))
        self._settle(headers)
        return status, content

    async def _chunks(self, reader: asyncio.StreamReader) -> AsyncIterator[bytes]:
        while True:
            size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
            chunk = await reader.readexactly(size + 2)
            if size == 0:
                return
            yield chunk[:-2]

    def _settle(self, headers: dict[str, str]) -> None:
        if headers.get("connection", "").lower() == "close":
            self.close()

    async def events(self, path: str) -> AsyncIterator[Event]:
        """``GET path`` as a server-sent event stream, each event as it arrives."""
        reader = await self._send("GET", path, None)
        status, headers = await self._head(reader)
        if status != 200:
            raise RuntimeError(f"GET {path} answered {status}")
        buffer = ""
        async for chunk in self._chunks(reader):
            buffer += chunk.decode()
            while "\n\n" in buffer:
                block, buffer = buffer.split("\n\n", 1)
                yield _parse(block, time.perf_counter())
        self._settle(headers)

    async def open_stream(self, path: str) -> None:
        """Open ``GET path`` and read its first chunk; the connection stays busy with it."""
        reader = await self._send("GET", path, None)
        status, _ = await self._head(reader)
        if status != 200:
            raise RuntimeError(f"GET {path} answered {status}")
        await anext(aiter(self._chunks(reader)))

    def close(self) -> None:
        """Close the connection (a new request opens another)."""
        if self._writer is not None:
            self._writer.close()
        self._writer = self._reader = None


def _parse(block: str, at: float) -> Event:
    name, data = "message", []
    for line in block.splitlines():
        if line.startswith("event:"):
            name = line[6:].strip()
        elif line.startswith("data:"):
            data.append(line[5:].strip())
    return Event(at, name, "\n".join(data))


async def call_v2(conn: Connection, api: str, kwargs: dict[str, Any]) -> list[Event]:
    """``POST /gradio_api/call/v2/{api}`` then read its event stream to the end.

    Returns the events (``generating``..., then ``complete`` or ``error``); an error or a
    missing completion raises, so a broken server cannot pass for a fast one.
    """
    status, body = await conn.request("POST", f"/gradio_api/call/v2/{api}", kwargs)
    if status != 200:
        raise RuntimeError(f"call/v2/{api} answered {status}: {body[:200]!r}")
    event_id = json.loads(body)["event_id"]
    events = []
    async for event in conn.events(f"/gradio_api/call/v2/{api}/{event_id}"):
        if event.name == "heartbeat":
            continue
        events.append(event)
        if event.name == "error":
            raise RuntimeError(f"call/v2/{api} failed: {event.data[:200]}")
    if not events or events[-1].name != "complete":
        raise RuntimeError(f"call/v2/{api} ended without completing")
    return events
