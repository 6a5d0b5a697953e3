"""Injected arguments (request, event data, progress) placed among a function's inputs."""

from __future__ import annotations

from typing import Any

import limelight as gr
from limelight.app.injection import place_injected


def first(data: gr.SelectData, a: Any, b: Any) -> Any:
    return data, a, b


def middle(a: Any, request: gr.Request, b: Any, *rest: Any) -> Any:
    return a, request, b, rest


def last(a: Any, b: Any, data: gr.EventData | None = None) -> Any:
    return a, b, data


def test_inputs_fill_the_parameters_that_are_not_injected() -> None:
    assert place_injected(first, [1, 2], {"data": "D"}) == (["D", 1, 2], {})
    assert place_injected(middle, [1, 2, 3], {"request": "R"}) == ([1, "R", 2, 3], {})
    assert place_injected(last, [1, 2], {"data": "D"}) == ([1, 2], {"data": "D"})
    assert place_injected(last, [1, 2], {}) == ([1, 2], {})


def test_a_callable_object_without_a_hash_still_works() -> None:
    class Unhashable:
        __hash__ = None  # type: ignore[assignment]

        def __call__(self, data: gr.LikeData, messages: list[Any]) -> Any:
            return data, messages

    assert place_injected(Unhashable(), [[1]], {"data": "D"}) == (["D", [1]], {})
