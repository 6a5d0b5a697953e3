"""Textbox: text in, text out, with a length limit."""

from __future__ import annotations

import pytest

import limelight as gr
from limelight.components import PayloadError


def test_text_passes_through() -> None:
    assert gr.Textbox().preprocess("hello") == "hello"


def test_numbers_are_read_as_text() -> None:
    assert gr.Textbox().preprocess(5) == "5"


@pytest.mark.parametrize("payload", [{"a": 1}, ["a"]])
def test_containers_are_refused(payload: object) -> None:
    with pytest.raises(PayloadError, match="Textbox expects a string, got"):
        gr.Textbox().preprocess(payload)


def test_max_length_is_enforced() -> None:
    box = gr.Textbox(max_length=3)
    assert box.preprocess("abc") == "abc"
    with pytest.raises(PayloadError, match="longer than max_length=3"):
        box.preprocess("abcd")


def test_any_output_is_shown_as_text() -> None:
    box = gr.Textbox()
    assert box.postprocess(12.5) == "12.5"
    assert box.postprocess(None) is None


def test_props_carry_text_options() -> None:
    props = gr.Textbox(lines=3, placeholder="type", type="password").config()["props"]
    assert (props["lines"], props["placeholder"], props["type"]) == (3, "type", "password")


def test_fires_submit() -> None:
    box = gr.Textbox()
    with gr.Blocks():
        dep = box.submit(lambda x: x, box, box)
    assert dep.targets == [(box, "submit")]


def test_textarea_grows_to_twenty_lines_as_in_gradio() -> None:
    props = gr.TextArea().config()["props"]
    assert (props["lines"], props["max_lines"]) == (7, 20)
    assert gr.TextArea(max_lines=None).config()["props"]["max_lines"] is None
