"""Radio: one value out of a list of choices."""

from __future__ import annotations

import pytest

import limelight as gr
from limelight.components import PayloadError


def test_choices_become_pairs() -> None:
    radio = gr.Radio(["a", "b"])
    assert radio.config()["props"]["choices"] == [["a", "a"], ["b", "b"]]


def test_choices_as_display_value_pairs() -> None:
    radio = gr.Radio([("One", 1), ("Two", 2)])
    assert radio.config()["props"]["choices"] == [["One", 1], ["Two", 2]]
    assert radio.preprocess(2) == 2
    with pytest.raises(PayloadError, match="not in the list of choices"):
        radio.preprocess("One")


def test_payload_must_be_a_choice() -> None:
    with pytest.raises(
        PayloadError, match=r"Value: 'c' is not in the list of choices: \['a', 'b'\]"
    ):
        gr.Radio(["a", "b"]).preprocess("c")


def test_no_choice_is_none() -> None:
    assert gr.Radio(["a"]).preprocess(None) is None
    assert gr.Radio(["a"]).value is None


def test_index_type_passes_the_position() -> None:
    radio = gr.Radio(["a", "b"], type="index")
    assert radio.preprocess("b") == 1
    assert radio.postprocess(0) == "a"
    assert radio.config()["props"]["type"] == "index"


def test_api_info_lists_the_values() -> None:
    assert gr.Radio([("One", 1), ("Two", 2)]).api_info() == {
        "enum": [1, 2],
        "title": "Radio",
        "type": "string",
    }


def test_example_is_the_first_value() -> None:
    assert gr.Radio([("One", 1), ("Two", 2)]).example_payload() == 1
