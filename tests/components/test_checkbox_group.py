"""CheckboxGroup: a list of checked choices."""

from __future__ import annotations

import pytest

import limelight as gr
from limelight.components import PayloadError


def test_passes_the_checked_values() -> None:
    group = gr.CheckboxGroup(["a", "b", "c"])
    assert group.preprocess(["a", "c"]) == ["a", "c"]
    assert group.preprocess(None) == []


def test_index_type_passes_positions() -> None:
    group = gr.CheckboxGroup(["a", "b", "c"], type="index")
    assert group.preprocess(["b", "c"]) == [1, 2]


def test_rejects_values_outside_the_choices_and_non_lists() -> None:
    group = gr.CheckboxGroup(["a", "b"])
    with pytest.raises(PayloadError, match="not in the list of choices"):
        group.preprocess(["z"])
    with pytest.raises(PayloadError, match="expects a list"):
        group.preprocess("a")


def test_one_value_is_shown_as_a_list_of_one() -> None:
    assert gr.CheckboxGroup(["a", "b"], value="a").value == ["a"]
    assert gr.CheckboxGroup(["a", "b"]).value == []


def test_api_info_is_an_array_of_the_choices() -> None:
    info = gr.CheckboxGroup(["a", "b"]).api_info()
    assert info["type"] == "array"
    assert info["items"]["enum"] == ["a", "b"]
