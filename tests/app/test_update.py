"""``gr.update(...)`` and component instances returned as updates."""

from __future__ import annotations

import limelight as gr


def test_update_is_a_typed_dict_of_props() -> None:
    assert gr.update(visible=False, value="x") == {
        "__type__": "update",
        "visible": False,
        "value": "x",
    }


def test_empty_update_changes_nothing() -> None:
    assert gr.update() == {"__type__": "update"}


def test_component_as_update_holds_only_what_was_given() -> None:
    update = gr.Textbox(label="New", value="text").as_update()
    assert update == {"__type__": "update", "label": "New", "value": "text"}


def test_positional_arguments_are_named_in_the_update() -> None:
    assert gr.Dropdown(["a", "b"]).as_update() == {"__type__": "update", "choices": ["a", "b"]}
    assert gr.Slider(0, 5).as_update() == {"__type__": "update", "minimum": 0, "maximum": 5}


def test_layout_as_update_holds_only_what_was_given() -> None:
    assert gr.Column(visible=True, render=False).as_update() == {
        "__type__": "update",
        "visible": True,
        "render": False,
    }
    assert gr.Row(visible=False).as_update() == {"__type__": "update", "visible": False}
