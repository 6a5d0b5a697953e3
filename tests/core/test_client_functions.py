"""``js=True``: property updates read from the function's source become JavaScript; other
functions run on the server with a warning; inputs are refused, as in Gradio."""

from __future__ import annotations

import json

import pytest

import limelight as gr


def returned(source: str) -> object:
    """What the JavaScript ``() => ...`` returns."""
    assert source.startswith("() => ")
    return json.loads(source[len("() => ") :])


def freeze() -> list[gr.Button | gr.Textbox]:
    """Lock both."""
    return [gr.Textbox(interactive=False, lines=3), gr.update(visible=False)]


def test_property_updates_become_javascript() -> None:
    with gr.Blocks() as demo:
        with gr.Row() as row:
            box = gr.Textbox()
            button = gr.Button()
        dep = button.click(lambda: gr.Row(visible=False), None, row, js=True)
        both = button.click(freeze, None, [box, button], js=True)
    assert dep.js_implementation is not None and both.js_implementation is not None
    assert returned(dep.js_implementation) == [{"__type__": "update", "visible": False}]
    assert returned(both.js_implementation) == [
        {"__type__": "update", "interactive": False, "lines": 3},
        {"__type__": "update", "visible": False},
    ]
    assert demo.fns[0].js is True


def test_other_functions_run_on_the_server_with_a_warning() -> None:
    with gr.Blocks():
        box = gr.Textbox()
        with pytest.warns(UserWarning, match="sets a value"):
            dep = box.change(lambda: gr.Textbox(value="x"), None, box, js=True)
        with pytest.warns(UserWarning, match="not a literal"):
            box.change(lambda: gr.Textbox(lines=len("abc")), None, box, js=True)
        with pytest.warns(UserWarning, match="returns 1 value"):
            box.change(lambda: gr.Textbox(lines=2), None, [box, box], js=True)
    assert dep.js_implementation is None


def test_inputs_are_refused() -> None:
    with gr.Blocks():
        box = gr.Textbox()
        with pytest.raises(ValueError, match="js=True cannot have inputs"):
            box.change(lambda s: gr.Textbox(lines=2), box, box, js=True)
