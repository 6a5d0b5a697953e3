"""DuplicateButton: a small Hugging Face button that still fires click."""

from __future__ import annotations

import limelight as gr


def test_defaults_and_click() -> None:
    with gr.Blocks() as demo:
        button = gr.DuplicateButton()
        out = gr.Textbox()
        button.click(lambda: "clicked", None, out)
    config = button.config()
    assert config["type"] == "duplicatebutton"
    assert config["props"]["value"] == "Duplicate Space"
    assert (config["props"]["variant"], config["props"]["size"]) == ("huggingface", "sm")
    assert demo.fns[0].targets == [(button, "click")]


def test_link_target_reaches_the_page() -> None:
    assert gr.DuplicateButton(link_target="_top").config()["props"]["link_target"] == "_top"
