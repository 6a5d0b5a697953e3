"""Label: one class, or confidences ranked and cut to the top classes."""

from __future__ import annotations

from pathlib import Path

import pytest

import limelight as gr
from limelight.components import PayloadError


def test_text_and_numbers_become_one_label() -> None:
    assert gr.Label().postprocess("cat") == {"label": "cat", "confidences": None}
    assert gr.Label().postprocess(3) == {"label": "3", "confidences": None}


def test_number_classes_keep_their_type_as_in_gradio() -> None:
    payload = gr.Label().postprocess({1: 0.2, 2: 0.8})
    assert payload["label"] == 2
    assert [c["label"] for c in payload["confidences"]] == [2, 1]


def test_a_json_file_holds_the_value(tmp_path: Path) -> None:
    saved = tmp_path / "result.json"
    saved.write_text('{"cat": 0.9, "dog": 0.1}')
    assert gr.Label().postprocess(str(saved))["label"] == "cat"


def test_confidences_are_sorted_highest_first() -> None:
    payload = gr.Label().postprocess({"a": 0.1, "b": 0.7, "c": 0.2})
    assert payload == {
        "label": "b",
        "confidences": [
            {"label": "b", "confidence": 0.7},
            {"label": "c", "confidence": 0.2},
            {"label": "a", "confidence": 0.1},
        ],
    }


def test_num_top_classes_cuts_the_list() -> None:
    payload = gr.Label(num_top_classes=2).postprocess({"a": 0.1, "b": 0.7, "c": 0.2})
    assert [c["label"] for c in payload["confidences"]] == ["b", "c"]
    assert payload["label"] == "b"


def test_ready_made_payload_passes() -> None:
    payload = {"label": "x", "confidences": [{"label": "x", "confidence": 1.0}]}
    assert gr.Label().postprocess(payload) == payload


def test_empty_values_clear() -> None:
    assert gr.Label().postprocess(None) == {}
    assert gr.Label().postprocess({}) == {}


def test_other_outputs_are_refused() -> None:
    with pytest.raises(PayloadError, match="Label expects a str, a number or a dict"):
        gr.Label().postprocess([1, 2])


def test_input_gives_confidences_or_text() -> None:
    label = gr.Label()
    assert label.preprocess({"label": "x", "confidences": [{"label": "x", "confidence": 0.5}]}) == {
        "x": 0.5
    }
    assert label.preprocess({"label": "y"}) == "y"
    with pytest.raises(PayloadError, match="Label expects an object"):
        label.preprocess("y")


def test_props() -> None:
    props = gr.Label(num_top_classes=3, color="red").config()["props"]
    assert (props["num_top_classes"], props["color"]) == (3, "red")


def test_numeric_class_labels_stay_numbers() -> None:
    # As in Gradio: {0: 0.7, 1: 0.3} sends its labels as the numbers they are.
    payload = gr.Label().postprocess({0: 0.7, 1: 0.3})
    assert payload == {
        "label": 0,
        "confidences": [{"label": 0, "confidence": 0.7}, {"label": 1, "confidence": 0.3}],
    }
