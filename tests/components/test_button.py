"""Button: fires click; its value is its text."""

from __future__ import annotations

import limelight as gr


def test_value_is_the_text() -> None:
    assert gr.Button().value == "Run"
    assert gr.Button("Go").value == "Go"


def test_text_as_input() -> None:
    assert gr.Button().preprocess("Go") == "Go"
    assert gr.Button().preprocess(None) is None


def test_props() -> None:
    props = gr.Button("Go", variant="primary", size="sm").config()["props"]
    assert (props["value"], props["variant"], props["size"]) == ("Go", "primary", "sm")
    assert props["min_width"] == 0


def test_click() -> None:
    button = gr.Button()
    with gr.Blocks() as demo:
        dep = button.click(lambda: "x", None, button)
    assert dep.targets == [(button, "click")]
    assert demo.fns == [dep]
