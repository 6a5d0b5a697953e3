"""JSON: any JSON value, including array-likes with ``tolist`` (numpy) without numpy."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

import limelight as gr
from limelight.components import PayloadError


class FakeArray:
    """Stands in for a numpy array or scalar: all JSON needs is ``tolist``."""

    def __init__(self, value: Any) -> None:
        self.value = value

    def tolist(self) -> Any:
        return self.value


def test_plain_values_pass() -> None:
    assert gr.JSON().postprocess({"a": [1, 2.5, None, True]}) == {"a": [1, 2.5, None, True]}


def test_array_likes_become_lists() -> None:
    component = gr.JSON()
    assert component.postprocess({"a": FakeArray([1, 2])}) == {"a": [1, 2]}
    assert component.postprocess(FakeArray([[1], [2]])) == [[1], [2]]
    assert component.postprocess([FakeArray(3.5)]) == [3.5]


def test_json_text_is_parsed() -> None:
    assert gr.JSON().postprocess('{"x": [1]}') == {"x": [1]}


def test_other_text_stays_text() -> None:
    assert gr.JSON().postprocess("not json") == "not json"


def test_tuples_become_lists() -> None:
    assert gr.JSON().postprocess({"t": (1, 2)}) == {"t": [1, 2]}


class Spelled:
    """An object JSON has no form for, whose text is ``text``."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __str__(self) -> str:
        return self.text


def test_other_objects_are_sent_as_their_text_as_in_gradio() -> None:
    sent = gr.JSON().postprocess({"headers": Spelled("Headers({'host': 'x'})")})
    assert sent == {"headers": "Headers({'host': 'x'})"}
    when = datetime.datetime(2026, 12, 7, 19, 30)
    assert gr.JSON().postprocess([when]) == ["2026-12-07 19:30:00"]


def test_an_object_whose_text_is_json_is_sent_as_that_json() -> None:
    assert gr.JSON().postprocess({"a": Spelled('{"b": [1]}')}) == {"a": {"b": [1]}}


def test_circular_values_are_refused() -> None:
    looped: list[Any] = []
    looped.append(looped)
    with pytest.raises(PayloadError, match="not JSON-serialisable"):
        gr.JSON().postprocess(looped)


def test_input_is_passed_as_is() -> None:
    assert gr.JSON().preprocess({"k": [1]}) == {"k": [1]}


def test_api_info() -> None:
    assert gr.JSON().api_info() == {"type": {}, "description": "any valid json"}
