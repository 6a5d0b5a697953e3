"""``@gr.cache`` and ``gr.Cache()``: results reused for arguments seen before."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from typing import Any

import numpy as np
import pytest

import limelight as gr


def test_a_plain_function_runs_once_per_distinct_arguments() -> None:
    calls: list[Any] = []

    @gr.cache
    def double(x: Any) -> Any:
        calls.append(x)
        return x * 2

    assert double(2) == 4 and double(2) == 4
    assert double(np.ones(3)).tolist() == [2, 2, 2]
    double(np.ones(3))
    double(np.zeros(3))
    assert len(calls) == 3
    assert double.__name__ == "double"  # the signature the app reads stays the function's


def test_generators_replay_and_async_functions_are_cached() -> None:
    runs = {"gen": 0, "agen": 0, "coro": 0}

    @gr.cache
    def count(n: int) -> Iterator[int]:
        runs["gen"] += 1
        yield from range(n)

    @gr.cache(max_size=4)
    async def shout(text: str) -> str:
        runs["coro"] += 1
        return text.upper()

    @gr.cache
    async def letters(text: str) -> AsyncIterator[str]:
        runs["agen"] += 1
        for char in text:
            yield char

    async def collect() -> list[str]:
        return [c async for c in letters("ab")]

    assert list(count(3)) == list(count(3)) == [0, 1, 2]
    assert asyncio.run(shout("hi")) == asyncio.run(shout("hi")) == "HI"
    assert asyncio.run(collect()) == asyncio.run(collect()) == ["a", "b"]
    assert runs == {"gen": 1, "agen": 1, "coro": 1}


def test_key_and_max_size() -> None:
    calls: list[str] = []

    def lookup(text: str, verbose: bool = False) -> str:
        calls.append(text)
        return text

    cached = gr.cache(lookup, key=lambda text, verbose=False: text.lower(), max_size=1)
    cached("A")
    cached("a", verbose=True)
    cached("b")
    cached("a")
    assert calls == ["A", "b", "a"]  # "a" was dropped when "b" came in


def test_manual_cache_stores_keyword_values() -> None:
    store = gr.Cache(max_size=2)
    assert store.get("paris") is None
    store.set("paris", forecast="Sunny")
    assert store.get("paris") == {"forecast": "Sunny"}
    store.set("rome", forecast="Hot")
    store.set("oslo", forecast="Cold")
    assert store.get("paris") is None and len(store.keys()) == 2
    store.clear()
    assert store.keys() == []
    with pytest.raises(ValueError, match="max_size"):
        gr.Cache(max_size=0)
