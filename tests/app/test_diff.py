"""Generator output diffs: ``apply_edits(old, diff(old, new))`` rebuilds ``new``."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from hypothesis import example, given, settings, strategies as st

from limelight.app.diff import apply_edits, diff

scalars = (
    st.none()
    | st.booleans()
    | st.integers(-1000, 1000)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=8)
)
json_values = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=4), children, max_size=4)
    ),
    max_leaves=12,
)


def _as_json(value: Any) -> Any:
    """``value`` as a JavaScript client sees it: booleans are not numbers, 1 and 1.0 are
    the same number."""
    if isinstance(value, bool):
        return ("bool", value)
    if isinstance(value, (int, float)):
        return ("number", float(value))
    if isinstance(value, list):
        return [_as_json(v) for v in value]
    if isinstance(value, dict):
        return {k: _as_json(v) for k, v in value.items()}
    return value


@settings(max_examples=300, deadline=None)
@given(json_values, json_values)
@example([False], [0])
@example({"k": 1}, {"k": True})
@example(["a"], ["ab", "c"])
@example({"a": [1, {"b": "x"}]}, {"a": [1, {"b": "xy", "c": None}]})
def test_apply_edits_rebuilds_the_new_value(old: Any, new: Any) -> None:
    edits = diff(old, new)
    assert _as_json(apply_edits(old, edits)) == _as_json(new)


@settings(max_examples=100, deadline=None)
@given(json_values, json_values)
def test_edits_are_json(old: Any, new: Any) -> None:
    edits = diff(old, new)
    assert json.loads(json.dumps(edits)) == edits


@settings(max_examples=100, deadline=None)
@given(json_values, json_values)
def test_apply_edits_leaves_the_old_value_alone(old: Any, new: Any) -> None:
    before = copy.deepcopy(old)
    apply_edits(old, diff(old, new))
    assert old == before


@settings(deadline=None)
@given(json_values)
def test_no_change_no_edits(value: Any) -> None:
    assert diff(value, copy.deepcopy(value)) == []


def test_string_growth_is_an_append() -> None:
    assert diff("Hello", "Hello there") == [["append", [], " there"]]
    assert apply_edits("Hello", [["append", [], " there"]]) == "Hello there"


def test_empty_string_growth_is_a_replace() -> None:
    assert diff("", "x") == [["replace", [], "x"]]


def test_string_rewrite_is_a_replace() -> None:
    assert diff("abc", "xbc") == [["replace", [], "xbc"]]


def test_nested_string_append_has_a_path() -> None:
    old = [{"role": "user", "content": "hi"}, {"role": "assistant", "content": "Hel"}]
    new = [{"role": "user", "content": "hi"}, {"role": "assistant", "content": "Hello"}]
    assert diff(old, new) == [["append", [1, "content"], "lo"]]
    assert apply_edits(old, diff(old, new)) == new


def test_list_growth_adds_at_the_end() -> None:
    assert diff([1], [1, 2, 3]) == [["add", [1], 2], ["add", [2], 3]]
    assert apply_edits([1], diff([1], [1, 2, 3])) == [1, 2, 3]


def test_list_shrink_deletes_from_the_end() -> None:
    assert diff([1, 2, 3], [1]) == [["delete", [2], None], ["delete", [1], None]]
    assert apply_edits([1, 2, 3], diff([1, 2, 3], [1])) == [1]


def test_dict_keys_added_and_deleted() -> None:
    edits = diff({"a": 1, "b": 2}, {"a": 1, "c": 3})
    assert edits == [["delete", ["b"], None], ["add", ["c"], 3]]
    assert apply_edits({"a": 1, "b": 2}, edits) == {"a": 1, "c": 3}


def test_type_change_replaces() -> None:
    assert diff([1], {"a": 1}) == [["replace", [], {"a": 1}]]
    assert diff(1, "1") == [["replace", [], "1"]]


def test_boolean_to_number_is_a_change() -> None:
    assert diff([True], [1]) != []
    assert diff({"k": 0}, {"k": False}) != []


def test_unknown_action_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown edit action 'move'"):
        apply_edits({"a": 1}, [["move", ["a"], None]])


class _CountingStr(str):
    """A string that counts how often it is compared."""

    compared = 0

    def __eq__(self, other: object) -> bool:
        _CountingStr.compared += 1
        return str.__eq__(self, other)

    __hash__ = str.__hash__


def test_each_value_is_compared_once_however_deep() -> None:
    # A long chat history is walked once per yield, not once per level it is nested in.
    def nested(leaf: str, last: int) -> dict[str, object]:
        return {"a": [{"b": [{"c": _CountingStr(leaf)}]}], "z": last}

    _CountingStr.compared = 0
    assert diff(nested("same", 1), nested("same", 2)) == [["replace", ["z"], 2]]
    assert _CountingStr.compared == 1
