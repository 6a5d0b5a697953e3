"""Defaults that Gradio 6.31 documents and limelight had otherwise (found by
``benchmarks/compat/surface.py``): each is what the page receives when the app says nothing."""

from __future__ import annotations

from typing import Any

import pytest

import limelight as gr


@pytest.mark.parametrize(
    "make",
    [gr.Button, gr.ClearButton, gr.DownloadButton, gr.UploadButton, gr.Markdown, gr.HTML],
    ids=lambda make: make.__name__,
)
def test_these_have_no_minimum_width(make: Any) -> None:
    assert make().config()["props"]["min_width"] is None
    assert make(min_width=100).config()["props"]["min_width"] == 100


def test_other_components_keep_160_pixels() -> None:
    assert gr.Textbox().config()["props"]["min_width"] == 160


def test_html_has_no_padding_unless_asked() -> None:
    assert gr.HTML("<b>x</b>").config()["props"]["padding"] is False
    assert gr.HTML("<b>x</b>", padding=True).config()["props"]["padding"] is True


def test_audio_keeps_the_format_of_what_it_is_given() -> None:
    assert gr.Audio().config()["props"]["format"] is None
