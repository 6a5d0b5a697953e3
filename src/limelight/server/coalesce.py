"""One socket write per small response: a response's head goes out with its body.

uvicorn's HTTP/1.1 protocol writes a response's status line and headers the moment the
app starts the response, and its body when the app sends it: two system calls and two
packets for every small JSON answer, and a client that wakes up for each. ``Coalescing``
is that protocol with a transport that holds a written head back until the next write,
which it joins, or until the event loop's next turn, so a stream's head never waits for
the stream's first event.

It also closes a connection whose request headers are not all in within
``header_timeout`` seconds of the connection (or of the request's first byte, on a kept-alive
connection): uvicorn times a connection out only once it has answered a request, so a
socket that connects and sends nothing, or dribbles its headers (slowloris), would
otherwise hold a file descriptor for good (docs/security.md #29).
"""

from __future__ import annotations

import asyncio
from typing import Any, ClassVar, cast

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

__all__ = ["DEFAULT_HEADER_TIMEOUT", "Coalescing", "HeadHoldingTransport", "coalescing"]

DEFAULT_HEADER_TIMEOUT = 10.0
"""Seconds a client has to send a request's headers."""


def _is_head(data: bytes | bytearray | memoryview) -> bool:
    return bytes(data[:5]) == b"HTTP/" and bytes(data[-4:]) == b"\r\n\r\n"


class HeadHoldingTransport(asyncio.Transport):
    """Wraps ``transport``: a response head is written together with what follows it."""

    def __init__(self, transport: asyncio.Transport, loop: asyncio.AbstractEventLoop) -> None:
        super().__init__()
        self._transport = transport
        self._loop = loop
        self._held: bytes | None = None

    def write(self, data: bytes | bytearray | memoryview) -> None:
        held = self._held
        if held is not None:
            self._held = None
            self._transport.write(held + bytes(data))
        elif _is_head(data):
            self._held = bytes(data)
            self._loop.call_soon(self.flush)
        else:
            self._transport.write(data)

    def flush(self) -> None:
        """Write the held head, if any (the loop calls this a turn after holding it)."""
        held = self._held
        if held is not None:
            self._held = None
            if not self._transport.is_closing():
                self._transport.write(held)

    def close(self) -> None:
        self.flush()
        self._transport.close()

    def abort(self) -> None:
        self._held = None
        self._transport.abort()

    def is_closing(self) -> bool:
        return self._transport.is_closing()

    def get_extra_info(self, name: str, default: Any = None) -> Any:
        return self._transport.get_extra_info(name, default)

    def pause_reading(self) -> None:
        self._transport.pause_reading()

    def resume_reading(self) -> None:
        self._transport.resume_reading()

    def is_reading(self) -> bool:
        return self._transport.is_reading()

    def set_protocol(self, protocol: asyncio.BaseProtocol) -> None:
        self._transport.set_protocol(protocol)

    def get_protocol(self) -> asyncio.BaseProtocol:
        return self._transport.get_protocol()

    def get_write_buffer_size(self) -> int:
        return self._transport.get_write_buffer_size() + len(self._held or b"")

    def get_write_buffer_limits(self) -> tuple[int, int]:
        return self._transport.get_write_buffer_limits()

    def set_write_buffer_limits(self, high: int | None = None, low: int | None = None) -> None:
        self._transport.set_write_buffer_limits(high, low)

    def can_write_eof(self) -> bool:
        return self._transport.can_write_eof()

    def write_eof(self) -> None:
        self.flush()
        self._transport.write_eof()


class Coalescing(HttpToolsProtocol):
    """uvicorn's httptools protocol, writing each response's head with its body and closing
    connections whose headers are late."""

    header_timeout: ClassVar[float] = DEFAULT_HEADER_TIMEOUT
    _header_timer: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        # uvloop's transports do not subclass asyncio.Transport but have its methods.
        held = HeadHoldingTransport(cast(asyncio.Transport, transport), self.loop)
        super().connection_made(held)
        self._arm_header_timer()

    def _arm_header_timer(self) -> None:
        if self._header_timer is None:
            self._header_timer = self.loop.call_later(self.header_timeout, self._headers_late)

    def _disarm_header_timer(self) -> None:
        if self._header_timer is not None:
            self._header_timer.cancel()
            self._header_timer = None

    def _headers_late(self) -> None:
        self._header_timer = None
        if not self.transport.is_closing():
            self.transport.close()

    def on_message_begin(self) -> None:
        # A kept-alive connection's next request: its headers get the same time. A timer
        # still armed (the connection's first request) is kept, never restarted, so
        # dribbling bytes cannot extend it.
        super().on_message_begin()
        self._arm_header_timer()

    def on_headers_complete(self) -> None:
        self._disarm_header_timer()
        super().on_headers_complete()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm_header_timer()
        super().connection_lost(exc)


def coalescing(header_timeout: float) -> type[Coalescing]:
    """``Coalescing`` with its own ``header_timeout`` (uvicorn makes the protocol itself,
    from a class)."""
    return type("Coalescing", (Coalescing,), {"header_timeout": header_timeout})
