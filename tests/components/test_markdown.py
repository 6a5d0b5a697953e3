"""Markdown: source text, dedented like a docstring."""

from __future__ import annotations

import limelight as gr


def test_common_indentation_is_removed() -> None:
    markdown = gr.Markdown(
        """
        # Title
          indented
        text
        """
    )
    assert markdown.value == "# Title\n  indented\ntext"


def test_outputs_are_dedented_too() -> None:
    assert gr.Markdown().postprocess("\n    a\n    b\n") == "a\nb"


def test_none_clears() -> None:
    assert gr.Markdown().postprocess(None) is None


def test_label_hidden_by_default() -> None:
    assert gr.Markdown().config()["props"]["show_label"] is False
    assert gr.Markdown(show_label=True).config()["props"]["show_label"] is True


def test_props() -> None:
    props = gr.Markdown(rtl=True, sanitize_html=False, height=200).config()["props"]
    assert (props["rtl"], props["sanitize_html"], props["height"]) == (True, False, 200)
