"""``EventStream``: the response behind every server-sent event stream of the queue.

Starlette's ``StreamingResponse`` watches for the client going away with an anyio task
group (cancel scopes, a child task, backend look-ups) per response; an event stream is
opened for every call, so this one does the same with a bare task that waits for the
disconnect and cancels the streaming task, as the task group would.
"""

from __future__ import annotations

import asyncio
import sys
from collections.abc import AsyncGenerator, Mapping
from contextlib import aclosing

from starlette.responses import Response
from starlette.types import Receive, Scope, Send

__all__ = ["EventStream", "Last"]


class Last(str):
    """The final text of an event stream: sent with the end of the response (one write
    instead of two), after which the stream's generator is closed."""


_RAW_HEADERS: dict[tuple[tuple[str, str], ...], list[tuple[bytes, bytes]]] = {}


class EventStream(Response):
    """Streams the text ``events`` yields as ``text/event-stream``. When the client
    disconnects, ``events`` is cancelled where it waits (its ``finally`` blocks run)."""

    media_type = "text/event-stream"

    def __init__(
        self, events: AsyncGenerator[str, None], headers: Mapping[str, str] | None = None
    ) -> None:
        self.events = events
        self.status_code = 200
        self.background = None
        # The routes pass the same few header sets: work each one's raw form out once.
        key = tuple(headers.items()) if headers else ()
        raw = _RAW_HEADERS.get(key)
        if raw is None:
            self.init_headers(headers)
            raw = _RAW_HEADERS[key] = list(self.raw_headers)
        self.raw_headers = list(raw)  # a copy: middleware may change a response's headers

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        task = asyncio.current_task()
        assert task is not None
        watch = _Watch(task)
        watcher = asyncio.ensure_future(_until_disconnect(receive))
        watcher.add_done_callback(watch.disconnected)
        try:
            async with aclosing(self.events) as events:
                await send(
                    {"type": "http.response.start", "status": 200, "headers": self.raw_headers}
                )
                last = False
                async for text in events:
                    last = isinstance(text, Last)
                    await send(
                        {"type": "http.response.body", "body": text.encode(), "more_body": not last}
                    )
                    if last:
                        break
                if not last:
                    await send({"type": "http.response.body", "body": b"", "more_body": False})
        except asyncio.CancelledError:
            if not watch.gone:
                raise
            if sys.version_info >= (3, 11):
                task.uncancel()
        finally:
            watch.streaming = False
            watcher.cancel()


class _Watch:
    """Cancels the streaming task once the client has gone, if it still streams."""

    def __init__(self, task: asyncio.Task[object]) -> None:
        self.task = task
        self.streaming = True
        self.gone = False

    def disconnected(self, watcher: asyncio.Future[None]) -> None:
        if watcher.cancelled() or watcher.exception() is not None or not self.streaming:
            return
        self.gone = True
        self.task.cancel()


async def _until_disconnect(receive: Receive) -> None:
    while (await receive())["type"] != "http.disconnect":
        pass
