"""Layouts: Sidebar, Row, Column, Tabs, Accordion, Walkthrough and Draggable props and events."""

from __future__ import annotations

import pytest

import limelight as gr
from tests.support import asgi_client, completion, run_event


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


def test_tab_alignment_is_left_or_right() -> None:
    assert gr.Tab("a", alignment="right").config()["props"]["alignment"] == "right"
    with pytest.raises(ValueError, match="alignment"):
        gr.Tab("a", alignment="end")  # type: ignore[arg-type]


def test_clear_empties_an_app_to_be_laid_out_anew() -> None:
    with gr.Blocks() as demo:
        box = gr.Textbox()
        gr.Button().click(lambda s: s, box, box)
    with demo.clear():
        fresh = gr.Markdown("again")
    assert demo.children == [fresh]
    assert demo.fns == []
    assert box.parent is None


def test_walkthrough_steps_match_gradio_config() -> None:
    with gr.Blocks() as demo, gr.Walkthrough(selected=0) as walk:
        with gr.Step("Image", id=0) as first:
            gr.Textbox()
        with gr.Step("Prompt", visible=True, interactive=False, id=1) as second:
            gr.Textbox()
        change = walk.change(lambda: None)
        select = second.select(lambda: None)
    assert walk.config()["type"] == "walkthrough" and walk.config()["props"]["selected"] == 0
    step = second.config()
    assert (step["type"], step["props"]["name"]) == ("walkthroughstep", "step")
    assert (step["props"]["label"], step["props"]["id"], step["props"]["interactive"]) == (
        "Prompt",
        1,
        False,
    )
    assert walk.children == [first, second] and walk in demo.children
    assert change.targets == [(walk, "change")] and select.targets == [(second, "select")]


@pytest.mark.anyio
async def test_a_function_moves_the_walkthrough_on() -> None:
    with gr.Blocks() as demo:
        with gr.Walkthrough(selected=0) as walk:
            with gr.Step("One", id=0):
                go = gr.Button("Next")
            with gr.Step("Two", id=1):
                gr.Textbox()
        go.click(lambda: gr.Walkthrough(selected=1), None, walk)
    async with asgi_client(demo) as client:
        done = completion(await run_event(client, 0, []))
    assert done["output"]["data"] == [{"__type__": "update", "selected": 1}]


def test_draggable_orientation() -> None:
    with gr.Blocks(), gr.Draggable(orientation="row") as drag:
        gr.Textbox()
        gr.Textbox()
    assert drag.config()["type"] == "draggable"
    assert drag.config()["props"]["orientation"] == "row"
    assert len(drag.children) == 2
    assert gr.Draggable().config()["props"]["orientation"] == "column"
    with pytest.raises(ValueError, match="orientation"):
        gr.Draggable(orientation="grid")  # type: ignore[arg-type]
