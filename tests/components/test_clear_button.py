"""ClearButton: empties the components it was given."""

from __future__ import annotations

import json

import limelight as gr
from limelight.testing import AppTester


def test_click_empties_in_the_page_and_restores_state_on_the_server() -> None:
    with gr.Blocks() as demo:
        text = gr.Textbox("hello")
        slider = gr.Slider(1, 5, value=3)
        state = gr.State([1])
        button = gr.ClearButton([text, slider, state])
    in_page, on_server = demo.fns
    assert in_page.targets == on_server.targets == [(button, "click")]
    assert (in_page.fn, in_page.api_name, in_page.api_visibility) == (None, "js_fn", "private")
    assert in_page.outputs == [text, slider]
    assert json.loads(in_page.js.removeprefix("() => ")) == [None, 1]
    assert on_server.outputs == [state]
    with AppTester(demo) as page:
        done = page.click(button)  # the page empties text and slider itself (js)
        assert page.state(state) == [1]
    assert (done.fn_index, done.data) == (on_server.id, [None])
    assert state.initial() == [1]


def test_clear_button_is_a_button_with_its_own_type() -> None:
    button = gr.ClearButton(value="Reset")
    assert button.config()["type"] == "clearbutton"
    assert button.config()["props"]["value"] == "Reset"


def test_api_name_names_the_clear_endpoint() -> None:
    with gr.Blocks() as demo:
        text = gr.Textbox()
        state = gr.State(0)
        gr.ClearButton([text, state], api_name="reset", api_visibility="public")
    in_page, on_server = demo.fns
    assert (in_page.api_name, in_page.api_visibility) == ("reset", "private")
    assert (on_server.api_name, on_server.api_visibility) == ("reset_1", "public")


def test_the_state_listener_is_a_lambda_as_in_gradio() -> None:
    with gr.Blocks() as demo:
        gr.ClearButton([gr.Textbox(), gr.State(0)])
    assert [d.api_name for d in demo.fns] == ["js_fn", "lambda"]
