"""Worker threads for synchronous code: one per generator, context carried along."""

from __future__ import annotations

import contextvars
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest

import limelight as gr
from limelight.app._threads import DONE, GeneratorThread, in_thread, timed_in_thread
from tests.support import asgi_client, join, read_session

pytestmark = pytest.mark.anyio

WHO: contextvars.ContextVar[str] = contextvars.ContextVar("who", default="nobody")


async def test_in_thread_runs_off_the_loop_in_the_callers_context() -> None:
    WHO.set("caller")
    with ThreadPoolExecutor(2) as pool:
        name, who = await in_thread(pool, lambda: (threading.current_thread().name, WHO.get()))
    assert name != threading.current_thread().name
    assert who == "caller"


async def test_a_generator_lives_in_one_thread_and_yields_in_order() -> None:
    threads: set[int] = set()
    WHO.set("caller")

    def count() -> Iterator[str]:
        try:
            for i in range(5):
                threads.add(threading.get_ident())
                yield f"{WHO.get()}{i}"
        finally:
            threads.add(threading.get_ident())

    with ThreadPoolExecutor(4) as pool:
        steps = GeneratorThread(pool, count, str.upper)
        items = []
        while (item := await steps.next()) is not DONE:
            items.append(item)
        await steps.close()
    assert items == [f"CALLER{i}" for i in range(5)]
    assert len(threads) == 1 and threading.get_ident() not in threads


async def test_errors_reach_the_caller_and_the_generator_closes() -> None:
    closed = threading.Event()

    def fail() -> Iterator[int]:
        try:
            yield 1
            raise ValueError("boom")
        finally:
            closed.set()

    with ThreadPoolExecutor(1) as pool:
        steps = GeneratorThread(pool, fail)
        assert await steps.next() == 1
        with pytest.raises(ValueError, match="boom"):
            await steps.next()
        await steps.close()
    assert closed.is_set()


async def test_close_stops_the_generator_after_the_step_under_way() -> None:
    produced: list[int] = []
    closed = threading.Event()

    def endless() -> Iterator[int]:
        try:
            while True:
                produced.append(len(produced))
                yield produced[-1]
        finally:
            closed.set()

    with ThreadPoolExecutor(1) as pool:
        steps = GeneratorThread(pool, endless)
        assert await steps.next() == 0
        await steps.close()
    assert closed.is_set()
    assert produced == [0]


@pytest.mark.parametrize("wait", [0.0, 0.001])
async def test_timed_in_thread_gives_the_result_and_how_long_it_ran(wait: float) -> None:
    with ThreadPoolExecutor(1) as pool:
        result, took = await timed_in_thread(pool, lambda: threading.current_thread().name, wait)
        assert result != threading.current_thread().name
        assert took >= 0
        # Longer than the wait: the loop stops blocking and awaits it instead.
        slow, _ = await timed_in_thread(pool, lambda: threading.Event().wait(0.02) or "slow", wait)
        assert slow == "slow"
        with pytest.raises(ZeroDivisionError):
            await timed_in_thread(pool, lambda: 1 // 0, wait)


async def test_a_quick_functions_messages_precede_its_completion() -> None:
    def notify(text: str) -> str:
        gr.Info(text)
        return text

    with gr.Blocks() as demo:
        box = gr.Textbox()
        gr.Button().click(notify, box, box)
    async with asgi_client(demo) as client:
        # After the first call the function counts as quick: the loop waits for it.
        for i in range(3):
            await join(client, 0, [f"call {i}"], f"s{i}")
            messages = await read_session(client, f"s{i}")
            assert [m["msg"] for m in messages][-3:] == ["log", "process_completed", "close_stream"]
