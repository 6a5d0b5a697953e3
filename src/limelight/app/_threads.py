"""Running the user's synchronous code in worker threads without stalling the event loop.

A plain function takes one trip to a worker thread; when its last run was quick, the loop
waits a moment for it rather than moving on (the worker thread could otherwise wait up
to the interpreter's 5 ms switch interval for the busy loop to let go of the GIL, which
caps an event with a concurrency limit of 1 at ~200 calls a second).

A generator gets one worker thread for its whole life: the loop asks for each item and
the thread answers, so stepping it costs two cheap hand-offs instead of scheduling a
fresh thread task per ``next``. Both run in a copy of the caller's context, so context
variables (the event's reporter, progress) follow.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextvars
import functools
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Executor
from queue import SimpleQueue
from typing import Any, TypeVar

import anyio

__all__ = ["DONE", "QUICK_SECONDS", "GeneratorThread", "in_thread", "timed_in_thread"]

T = TypeVar("T")

DONE: Any = object()
"""What ``GeneratorThread.next`` gives once the generator is exhausted."""

QUICK_SECONDS = 0.0005
"""A call that ran this briefly counts as quick; the loop waits up to this long for the
next call of the same function before it turns to other work."""


def in_thread(executor: Executor | None, fn: Callable[..., T], *args: Any) -> asyncio.Future[T]:
    """Run ``fn(*args)`` in ``executor`` (None: the loop's default) in a copy of the current
    context. Cancelling the await abandons the call: the thread finishes it unobserved."""
    run = functools.partial(contextvars.copy_context().run, fn, *args)
    return asyncio.get_running_loop().run_in_executor(executor, run)


async def timed_in_thread(
    executor: Executor | None, fn: Callable[[], T], wait: float = 0.0
) -> tuple[T, float]:
    """Run ``fn()`` like ``in_thread``; returns its result and the seconds it ran.

    With ``wait``, the loop first blocks up to that long for the result (the GIL goes to
    the worker at once); a quick function then costs no trip round the loop at all.
    """
    if executor is None or wait <= 0:
        return await in_thread(executor, _timed, fn)
    future = executor.submit(contextvars.copy_context().run, _timed, fn)
    try:
        result = future.result(timeout=wait)
    except concurrent.futures.TimeoutError:
        return await asyncio.wrap_future(future)
    # What the call handed the loop meanwhile (call_soon_threadsafe: gr.Info, progress)
    # is queued before this task's next step: it goes out first, as on the slow path.
    await asyncio.sleep(0)
    return result


def _timed(fn: Callable[[], T]) -> tuple[T, float]:
    start = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - start


class GeneratorThread:
    """Steps the generator ``make()`` returns in one worker thread, an item per ``next``.

    ``transform`` (if given) is applied to each item in that thread too, so work on an item
    needs no second thread. The generator is created, stepped and closed in the thread;
    ``close`` stops it after the step under way, which is how a cancelled event ends it.
    """

    def __init__(
        self,
        executor: Executor | None,
        make: Callable[[], Iterator[Any]],
        transform: Callable[[Any], Any] | None = None,
    ) -> None:
        self._make = make
        self._transform = transform
        self._asks: SimpleQueue[bool] = SimpleQueue()
        self._loop = asyncio.get_running_loop()
        self._reply: asyncio.Future[Any] | None = None
        self._finished = in_thread(executor, self._drain)

    async def next(self) -> Any:
        """The next item (transformed), or ``DONE``; raises what the generator raised."""
        reply = self._reply = self._loop.create_future()
        self._asks.put(True)
        return await reply

    async def close(self) -> None:
        """Stop the generator once its current step ends and wait until it has closed
        (its ``finally`` blocks ran); a cancellation does not interrupt the wait."""
        self._asks.put(False)
        with anyio.CancelScope(shield=True):
            await self._finished

    def _drain(self) -> None:
        gen: Iterator[Any] | None = None
        try:
            while self._asks.get():
                try:
                    if gen is None:
                        gen = self._make()
                    item = next(gen, DONE)
                    if item is not DONE and self._transform is not None:
                        item = self._transform(item)
                except BaseException as exc:  # handed to the awaiting task, which raises it
                    self._answer(None, exc)
                    return
                self._answer(item, None)
                if item is DONE:
                    return
        finally:
            close = getattr(gen, "close", None)
            if close is not None:
                close()

    def _answer(self, item: Any, exc: BaseException | None) -> None:
        self._loop.call_soon_threadsafe(self._settle, item, exc)

    def _settle(self, item: Any, exc: BaseException | None) -> None:
        reply = self._reply
        if reply is None or reply.done():  # the asking task was cancelled meanwhile
            return
        if exc is not None:
            reply.set_exception(exc)
        else:
            reply.set_result(item)
