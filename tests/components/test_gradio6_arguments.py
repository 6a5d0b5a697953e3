"""Gradio 6 constructor arguments that apps pass: each is accepted and reaches the config
(what the page does with them is tested with each component)."""

from __future__ import annotations

from typing import Any

import pytest

import limelight as gr

CASES: list[tuple[str, dict[str, Any]]] = [
    ("Audio", {"loop": True, "recording": False, "playback_position": 1.5, "buttons": []}),
    ("Video", {"include_audio": False, "streaming": False, "playback_position": 2.0}),
    ("Image", {"alt_text": "a bus", "webcam_options": {"mirror": False}, "watermark": None}),
    ("Chatbot", {"reasoning_tags": [("<think>", "</think>")]}),
    ("Dropdown", {"num_choices_shown": 5}),
    ("Slider", {"precision": 2}),
    ("HighlightedText", {"show_whitespaces": False, "rtl": True}),
    ("JSON", {"max_height": 300, "min_height": 100}),
    ("Markdown", {"max_height": 200, "min_height": 50, "padding": True}),
    ("Textbox", {"text_align": "right", "html_attributes": {"autocomplete": "off"}}),
    ("MultimodalTextbox", {"html_attributes": {"spellcheck": False}}),
    ("Gallery", {"fit_columns": False, "sources": ["upload"]}),
    ("Button", {"link_target": "_blank"}),
    ("Number", {"buttons": []}),
    ("Checkbox", {"buttons": []}),
]


@pytest.mark.parametrize(("name", "kwargs"), CASES, ids=[name for name, _ in CASES])
def test_argument_reaches_the_config(name: str, kwargs: dict[str, Any]) -> None:
    props = getattr(gr, name)(**kwargs).config()["props"]
    for key, value in kwargs.items():
        if key in props:
            expected = [list(p) for p in value] if key == "reasoning_tags" else value
            shown = [list(p) for p in props[key]] if key == "reasoning_tags" else props[key]
            assert shown == expected, key


def test_layout_sizes() -> None:
    row = gr.Row(scale=2, max_height=300, min_height=100).config()["props"]
    assert (row["scale"], row["max_height"], row["min_height"]) == (2, 300, 100)
    accordion = gr.Accordion("More", height=200, max_height="50vh").config()["props"]
    assert (accordion["height"], accordion["max_height"]) == (200, "50vh")
    tabs = gr.Tabs(overflow_behavior="wrap").config()["props"]
    assert tabs["overflow_behavior"] == "wrap"
    tab = gr.Tab("A", height=100, render_children=True).config()["props"]
    assert (tab["height"], tab["render_children"]) == (100, True)


def test_dataset_takes_props_for_its_columns() -> None:
    dataset = gr.Dataset(
        components=[gr.Textbox(render=False)],
        samples=[["a"]],
        component_props=[{"label": "Given"}],
    )
    assert dataset.config()["props"]["component_props"] == [{"label": "Given"}]


def test_dataframe_and_native_plot_arguments() -> None:
    table = gr.Dataframe(max_chars=10, pinned_columns=1, line_breaks=False).config()["props"]
    assert (table["max_chars"], table["pinned_columns"], table["line_breaks"]) == (10, 1, False)
    assert hasattr(gr.Dataframe, "edit")
    plot = gr.BarPlot(x_axis_labels_visible=False, colors_in_legend=["a"]).config()["props"]
    assert (plot["x_axis_labels_visible"], plot["colors_in_legend"]) == (False, ["a"])
