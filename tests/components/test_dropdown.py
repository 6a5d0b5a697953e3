"""Dropdown: one or several choices, optionally custom values."""

from __future__ import annotations

import pytest

import limelight as gr
from limelight.components import PayloadError


def test_value_defaults_to_the_first_choice() -> None:
    assert gr.Dropdown(["a", "b"]).value == "a"
    assert gr.Dropdown([("One", 1), ("Two", 2)]).value == 1


def test_explicit_none_selects_nothing() -> None:
    assert gr.Dropdown(["a", "b"], value=None).value is None


def test_multiselect_starts_empty() -> None:
    assert gr.Dropdown(["a", "b"], multiselect=True).value == []


def test_choices_as_pairs() -> None:
    props = gr.Dropdown([("One", 1), "two"]).config()["props"]
    assert props["choices"] == [["One", 1], ["two", "two"]]


def test_payload_must_be_a_choice() -> None:
    dropdown = gr.Dropdown(["a", "b"])
    assert dropdown.preprocess("b") == "b"
    with pytest.raises(PayloadError, match=r"Value: 'z' is not in the list of choices"):
        dropdown.preprocess("z")


def test_single_select_refuses_a_list() -> None:
    with pytest.raises(PayloadError, match="takes one value, not a list"):
        gr.Dropdown(["a", "b"]).preprocess(["a"])


def test_custom_values_are_allowed_when_asked() -> None:
    assert gr.Dropdown(["a"], allow_custom_value=True).preprocess("zzz") == "zzz"


def test_multiselect() -> None:
    dropdown = gr.Dropdown(["a", "b", "c"], multiselect=True)
    assert dropdown.preprocess(["a", "c"]) == ["a", "c"]
    assert dropdown.preprocess(None) == []
    assert dropdown.postprocess("b") == ["b"]
    assert dropdown.postprocess(None) == []
    with pytest.raises(PayloadError, match="not in the list of choices"):
        dropdown.preprocess(["a", "x"])


def test_max_choices() -> None:
    dropdown = gr.Dropdown(["a", "b", "c"], multiselect=True, max_choices=2)
    assert dropdown.preprocess(["a", "b"]) == ["a", "b"]
    with pytest.raises(PayloadError, match="At most 2 choices"):
        dropdown.preprocess(["a", "b", "c"])


def test_index_type() -> None:
    dropdown = gr.Dropdown(["a", "b"], type="index")
    assert dropdown.preprocess("b") == 1
    assert dropdown.postprocess(1) == "b"
    multi = gr.Dropdown(["a", "b", "c"], type="index", multiselect=True)
    assert multi.preprocess(["c", "a"]) == [2, 0]


def test_api_info() -> None:
    assert gr.Dropdown(["a", "b"]).api_info() == {
        "enum": ["a", "b"],
        "title": "Dropdown",
        "type": "string",
    }
    multi = gr.Dropdown(["a"], multiselect=True)
    assert multi.api_info() == {
        "type": "array",
        "items": {"enum": ["a"], "title": "Dropdown", "type": "string"},
    }
    assert multi.example_payload() == ["a"]


def test_updated_choices_are_sent_as_pairs() -> None:
    dropdown = gr.Dropdown(["a"])
    assert dropdown.normalize_prop("choices", ["x", ("Y", "y")]) == [["x", "x"], ["Y", "y"]]
