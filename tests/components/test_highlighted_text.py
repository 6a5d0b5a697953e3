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
        {"token": "", "class_or_confidence": None},
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


def test_an_entities_dict_without_entities_is_one_unmarked_span() -> None:
    value = {"text": "plain", "entities": []}
    assert gr.HighlightedText().postprocess(value) == [
        {"token": "plain", "class_or_confidence": None}
    ]


def test_combine_adjacent_merges_unmarked_text_and_drops_empty_spans() -> None:
    component = gr.HighlightedText(combine_adjacent=True, adjacent_separator="|")
    payload = component.postprocess([("T", None), ("", None), ("he", None), ("x", "+"), ("y", "+")])
    assert payload == [
        {"token": "T|he", "class_or_confidence": None},
        {"token": "x|y", "class_or_confidence": "+"},
    ]


def test_show_whitespaces_false_trims_each_span() -> None:
    payload = gr.HighlightedText(show_whitespaces=False).postprocess([(" a ", None)])
    assert payload == [{"token": "a", "class_or_confidence": None}]


def test_preprocess_gives_the_token_dicts_as_gradio_does() -> None:
    component = gr.HighlightedText()
    tokens = [{"token": "a", "class_or_confidence": "X"}]
    assert component.preprocess(tokens) == tokens


@pytest.mark.parametrize("bad", ["text", [{"no": "token"}], [1, 2]])
def test_bad_payloads(bad: object) -> None:
    with pytest.raises(PayloadError):
        gr.HighlightedText().preprocess(bad)


def test_bad_span_is_an_error() -> None:
    with pytest.raises(PayloadError, match="does not fit"):
        gr.HighlightedText().postprocess({"text": "ab", "entities": [{"start": 1, "end": 9}]})
