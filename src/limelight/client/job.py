"""A call in flight: ``AsyncJob`` reads its queue messages (docs/protocol.md §3.3) into a
status, the outputs so far and the final result, and wakes whoever waits on them."""

from __future__ import annotations

import asyncio
import enum
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from limelight.app.diff import apply_edits
from limelight.client.endpoints import Endpoint

__all__ = ["AppError", "AsyncJob", "OutputHook", "Status", "StatusUpdate"]


class AppError(Exception):
    """The app's function failed. ``message`` is what the app chose to show (None when it
    hides errors: launch it with ``show_error=True`` to see them); ``title``, ``duration``
    and ``visible`` are the error's other fields."""

    def __init__(self, message: str | None, **fields: Any) -> None:
        self.message = message
        self.title = fields.get("title")
        self.duration = fields.get("duration")
        self.visible = fields.get("visible")
        super().__init__(
            message or "The upstream app threw an error; launch it with show_error=True to see why."
        )


class Status(str, enum.Enum):
    """Where a job is, as ``Job.status().code``."""

    JOINING_QUEUE = "JOINING_QUEUE"
    IN_QUEUE = "IN_QUEUE"
    PROCESSING = "PROCESSING"
    ITERATING = "ITERATING"
    PROGRESS = "PROGRESS"
    FINISHED = "FINISHED"
    CANCELLED = "CANCELLED"


@dataclass
class StatusUpdate:
    """A job's latest status: its code, its place in the queue and the progress it
    reported."""

    code: Status = Status.JOINING_QUEUE
    rank: int | None = None
    queue_size: int | None = None
    eta: float | None = None
    success: bool | None = None
    progress_data: list[dict[str, Any]] | None = None
    logs: list[dict[str, Any]] = field(default_factory=list)


OutputHook = Callable[[Any], Awaitable[Any]]


class AsyncJob:
    """One call. ``await job`` (or ``await job.result()``) gives its result, ``async for``
    its outputs as they arrive (each yield of a generator), ``status()`` where it is."""

    def __init__(self, endpoint: Endpoint, shape: OutputHook) -> None:
        self.endpoint = endpoint
        self.event_id: str | None = None
        self._shape = shape
        self._status = StatusUpdate()
        self._outputs: list[Any] = []
        self._last: list[Any] | None = None
        self._done: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        # An error nobody asks for is not worth asyncio's "never retrieved" report.
        self._done.add_done_callback(lambda done: done.cancelled() or done.exception())
        self._changed = asyncio.Event()
        self._cancel: Callable[[], Awaitable[None]] | None = None
        self.watchers: list[Callable[[], None]] = []

    def status(self) -> StatusUpdate:
        """The job's latest status."""
        return self._status

    def outputs(self) -> list[Any]:
        """Every output so far (each yield of a generator; the result for a function)."""
        return list(self._outputs)

    def done(self) -> bool:
        """Whether the job has finished (with a result, an error or a cancel)."""
        return self._done.done()

    async def result(self) -> Any:
        """The job's result; raises ``AppError`` when the function failed and
        ``asyncio.CancelledError`` when the job was cancelled."""
        return await asyncio.shield(self._done)

    def __await__(self) -> Any:
        return self.result().__await__()

    async def __aiter__(self) -> AsyncIterator[Any]:
        seen = 0
        while True:
            while seen < len(self._outputs):
                seen += 1
                yield self._outputs[seen - 1]
            if self.done():
                return
            self._changed.clear()
            await self._changed.wait()

    async def cancel(self) -> bool:
        """Ask the app to stop the job; True when it had not finished yet."""
        if self.done() or self._cancel is None:
            return False
        await self._cancel()
        return True

    def on_result(self, callback: Callable[[Any], None]) -> None:
        """Call ``callback`` with the result once the job succeeds (not on an error or a
        cancel)."""

        def done(future: asyncio.Future[Any]) -> None:
            if not future.cancelled() and future.exception() is None:
                callback(future.result())

        self._done.add_done_callback(done)

    def started(self, event_id: str, cancel: Callable[[], Awaitable[None]]) -> None:
        """The app queued the job as ``event_id``; ``cancel`` asks it to stop."""
        self.event_id = event_id
        self._cancel = cancel

    def fail(self, error: BaseException) -> None:
        """End the job with ``error`` (the stream broke, the join failed)."""
        if not self.done():
            self._done.set_exception(error)
            self._notify()

    async def feed(self, message: dict[str, Any]) -> bool:
        """Take one queue message; True when it ended the job."""
        kind = message.get("msg")
        status = self._status
        if kind == "estimation":
            status.code, status.rank = Status.IN_QUEUE, message.get("rank")
            status.queue_size, status.eta = message.get("queue_size"), message.get("rank_eta")
        elif kind == "process_starts":
            status.code, status.eta = Status.PROCESSING, message.get("eta")
        elif kind == "progress":
            status.code, status.progress_data = Status.PROGRESS, message.get("progress_data")
        elif kind == "log":
            status.logs.append(message)
        elif kind in ("process_generating", "process_streaming"):
            status.code = Status.ITERATING
            await self._output(message["output"]["data"], diffs=kind == "process_generating")
        elif kind == "process_completed":
            await self._complete(message)
            return True
        self._notify()
        return False

    async def _output(self, data: list[Any], *, diffs: bool) -> None:
        # The first yield of a generator carries full values, later ones edits (§4.3).
        if diffs and self._last is not None:
            data = [apply_edits(old, edits) for old, edits in zip(self._last, data)]
        self._last = data
        self._outputs.append(await self._shape(data))

    async def _complete(self, message: dict[str, Any]) -> None:
        output = message.get("output") or {}
        self._status.success = bool(message.get("success"))
        if not message.get("success"):
            self._status.code = Status.FINISHED
            self._done.set_exception(AppError(output.get("error"), **output))
        elif "data" not in output:  # a cancelled event completes with an empty output
            self._status.code = Status.CANCELLED
            self._done.cancel()
        else:
            self._status.code = Status.FINISHED
            value = await self._shape(output["data"])
            # A generator's completion repeats its last yield: it is not one more output.
            if self._last is None:
                self._outputs.append(value)
            self._done.set_result(value)
        self._notify()

    def _notify(self) -> None:
        self._changed.set()
        for watcher in self.watchers:
            watcher()
