"""State: a per-session value that never goes over the wire."""

from __future__ import annotations

import limelight as gr
from limelight.testing import AppTester


def test_each_session_gets_a_deep_copy() -> None:
    state = gr.State({"items": [1]})
    first, second = state.initial(), state.initial()
    assert first == second == {"items": [1]}
    first["items"].append(2)
    assert state.initial() == {"items": [1]}
    assert second == {"items": [1]}


def test_callable_value_is_called_per_session() -> None:
    calls: list[int] = []

    def make() -> list[int]:
        calls.append(1)
        return []

    state = gr.State(make)
    assert state.initial() == [] and state.initial() == []
    assert len(calls) == 2


def test_value_is_not_in_the_config() -> None:
    config = gr.State("secret").config()
    assert config["props"]["value"] is None
    assert "secret" not in str(config)


def test_hidden_and_skipped_by_api() -> None:
    config = gr.State().config()
    assert config["skip_api"] is True
    assert config["props"]["visible"] is False
    assert config["type"] == "state"


def test_callable_state_is_set_by_its_load_event_as_in_gradio() -> None:
    made = iter(["first", "second"])
    with gr.Blocks() as demo:
        state = gr.State(lambda: next(made))
        shown = gr.Textbox()
        button = gr.Button()
        button.click(lambda s: s, state, shown)
    load = demo.fns[-1]
    assert (load.targets, load.outputs) == ([(demo, "load")], [state])
    with AppTester(demo) as page:  # opening the page runs the load event
        page.click(button)
        assert page.value(shown) == "first"
        assert page.state(state) == "first"
