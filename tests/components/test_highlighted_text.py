"""HighlightedText: spans with a category or a score."""

from __future__ import annotations

import pytest

import limelight as gr
from limelight.components import PayloadError


def test_pairs_become_tokens() -> None:
    payload = gr.HighlightedText().postprocess([("The ", None), ("fox", "ANIMAL"), (" ran", 0.5)])
    assert payload == [
        {"token": "The ", "class_or_confidence": None},
        {"token": "fox", "class_or_confidence": "ANIMAL"},
        {"token": " ran", "class_or_confidence": 0.5},
    ]


def test_entities_dict_is_split_into_spans() -> None:
    value = {"text": "Paris is nice", "entities": [{"entity": "LOC", "start": 0, "end": 5}]}
    assert gr.HighlightedText().postprocess(value) == [
        {"token": "Paris", "class_or_confidence": "LOC"},
        {"token": " is nice", "class_or_confidence": None},
    ]


def test_combine_adjacent_merges_same_labels() -> None:
    component = gr.HighlightedText(combine_adjacent=True, adjacent_separator=" ")
    payload = component.postprocess([("New", "LOC"), ("York", "LOC"), ("!", None)])
    assert payload == [
        {"token": "New York", "class_or_confidence": "LOC"},
        {"token": "!", "class_or_confidence": None},
    ]


def test_preprocess_gives_pairs() -> None:
    component = gr.HighlightedText()
    assert component.preprocess([{"token": "a", "class_or_confidence": "X"}]) == [("a", "X")]


@pytest.mark.parametrize("bad", ["text", [{"no": "token"}], [1, 2]])
def test_bad_payloads(bad: object) -> None:
    with pytest.raises(PayloadError):
        gr.HighlightedText().preprocess(bad)


def test_bad_span_is_an_error() -> None:
    with pytest.raises(PayloadError, match="does not fit"):
        gr.HighlightedText().postprocess({"text": "ab", "entities": [{"start": 1, "end": 9}]})
