"""ColorPicker: a CSS colour string."""

from __future__ import annotations

import pytest

import limelight as gr
from limelight.components import PayloadError


@pytest.mark.parametrize("colour", ["#fff", "#A1b2C3", "#11223344", "rgb(1, 2, 3)"])
def test_accepts_css_colours(colour: str) -> None:
    assert gr.ColorPicker().preprocess(colour) == colour


@pytest.mark.parametrize("bad", ["red;background:url(x)", "#12", 12, ["#fff"], "javascript:x"])
def test_rejects_anything_else(bad: object) -> None:
    with pytest.raises(PayloadError, match="ColorPicker expects a colour"):
        gr.ColorPicker().preprocess(bad)
