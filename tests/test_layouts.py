"""Layouts: Sidebar, Row, Column, Tabs and Accordion props and events."""

from __future__ import annotations

import pytest

import limelight as gr


def test_sidebar_props_and_events() -> None:
    with gr.Blocks() as demo:
        with gr.Sidebar(label="Menu", open=False, position="right", width=240) as side:
            gr.Textbox()
        dep = side.expand(lambda: None)
        side.collapse(lambda: None)
    props = side.config()["props"]
    assert (props["label"], props["open"], props["position"], props["width"]) == (
        "Menu",
        False,
        "right",
        240,
    )
    assert dep.targets == [(side, "expand")]
    assert side in demo.children


def test_sidebar_position_is_checked() -> None:
    with pytest.raises(ValueError, match="position"):
        gr.Sidebar(position="top")  # type: ignore[arg-type]


def test_row_and_column_sizing_props() -> None:
    with gr.Blocks(), gr.Row(equal_height=True, variant="panel") as row:
        col = gr.Column(scale=2, min_width=200)
    assert row.config()["props"]["equal_height"] is True
    assert row.config()["props"]["variant"] == "panel"
    assert col.config()["props"]["scale"] == 2
    assert col.config()["props"]["min_width"] == 200


def test_tabs_selected_by_id_and_events() -> None:
    with gr.Blocks(), gr.Tabs(selected="b") as tabs:
        with gr.Tab("A", id="a"):
            gr.Textbox()
        with gr.Tab("B", id="b") as tab_b:
            gr.Textbox()
        change = tabs.change(lambda: None)
        select = tab_b.select(lambda: None)
    assert tabs.config()["props"]["selected"] == "b"
    assert tab_b.config()["props"]["id"] == "b"
    assert change.targets == [(tabs, "change")]
    assert select.targets == [(tab_b, "select")]


def test_accordion_events() -> None:
    with gr.Blocks(), gr.Accordion("More", open=False) as acc:
        expand = acc.expand(lambda: None)
        collapse = acc.collapse(lambda: None)
    assert acc.config()["props"]["open"] is False
    assert expand.targets == [(acc, "expand")]
    assert collapse.targets == [(acc, "collapse")]


def test_clear_empties_an_app_to_be_laid_out_anew() -> None:
    with gr.Blocks() as demo:
        box = gr.Textbox()
        gr.Button().click(lambda s: s, box, box)
    with demo.clear():
        fresh = gr.Markdown("again")
    assert demo.children == [fresh]
    assert demo.fns == []
    assert box.parent is None
