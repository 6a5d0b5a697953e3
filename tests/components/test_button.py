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
    assert props["min_width"] is None  # as in Gradio: no minimum width


def test_click() -> None:
    button = gr.Button()
    with gr.Blocks() as demo:
        dep = button.click(lambda: "x", None, button)
    assert dep.targets == [(button, "click")]
    assert demo.fns == [dep]


def test_a_button_written_by_an_event_stays_clickable() -> None:
    from limelight.app.config import build_config

    with gr.Blocks() as demo:
        button = gr.Button("x")
        off = gr.Button("y", interactive=False)
        box = gr.Textbox()
        box.change(lambda: (gr.Button("z"), gr.Button("w")), None, [button, off])
    props = {c["id"]: c["props"] for c in build_config(demo)["components"]}
    assert props[button.id]["interactive"] is True
    assert props[off.id]["interactive"] is False


def test_link_target() -> None:
    assert gr.Button(link="https://example.org").config()["props"]["link_target"] == "_self"
    assert gr.Button(link_target="_blank").config()["props"]["link_target"] == "_blank"


def test_buttons_in_a_components_corner_leave_the_layout_but_stay_in_the_app() -> None:
    from limelight.app.config import build_config

    with gr.Blocks() as demo:
        refresh = gr.Button("Refresh")
        box = gr.Textbox(buttons=["copy", refresh])
        refresh.click(lambda: "new", None, box)
    config = build_config(demo)
    assert refresh.id in {c["id"] for c in config["components"]}
    assert refresh.id not in {child["id"] for child in config["layout"]["children"]}
    corner = next(c for c in config["components"] if c["id"] == box.id)["props"]["buttons"]
    assert corner[0] == "copy"
    assert (corner[1]["id"], corner[1]["value"]) == (refresh.id, "Refresh")


def test_built_in_corner_buttons_by_name() -> None:
    assert gr.Image().has_button("download")
    assert not gr.Image(buttons=["fullscreen"]).has_button("download")
    assert gr.Image(buttons=["fullscreen"]).config()["props"]["show_download_button"] is False
    assert gr.Number(buttons=[]).config()["props"]["buttons"] == []
    assert gr.Chatbot().config()["props"]["buttons"] == ["share", "copy", "copy_all"]


def test_preserved_by_key_reaches_the_config_of_keyed_blocks() -> None:
    assert "preserved_by_key" not in gr.Textbox().config()["props"]
    keyed = gr.Textbox(key="k", preserved_by_key=["value", "label"]).config()["props"]
    assert keyed["preserved_by_key"] == ["value", "label"]
    assert gr.Row(key="r").config()["props"]["preserved_by_key"] == ["value"]


def test_the_app_itself_is_not_one_of_its_components() -> None:
    from limelight.app.config import build_config

    with gr.Blocks() as demo:
        box = gr.Textbox()
        demo.load(lambda: "hi", None, box)
    assert {c["type"] for c in build_config(demo)["components"]} == {"textbox"}
