"""JSON: any JSON value, including array-likes with ``tolist`` (numpy) without numpy."""

from __future__ import annotations

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


def test_unserialisable_values_are_refused() -> None:
    with pytest.raises(PayloadError, match="not JSON-serialisable"):
        gr.JSON().postprocess({"a": object()})


def test_input_is_passed_as_is() -> None:
    assert gr.JSON().preprocess({"k": [1]}) == {"k": [1]}


def test_api_info() -> None:
    assert gr.JSON().api_info() == {"type": {}, "description": "any valid json"}
