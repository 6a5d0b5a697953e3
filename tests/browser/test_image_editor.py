"""demos/image_editor.py in a browser: a stroke on the sketchpad reaches the function."""

from __future__ import annotations

import re
from collections.abc import Callable
from types import ModuleType

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


def test_a_stroke_sends_the_drawing(
    page: Page, serve: Callable[..., str], load_demo: Callable[[str], ModuleType]
) -> None:
    page.goto(serve(load_demo("image_editor").demo))
    canvas = page.get_by_label("Drawing canvas")
    expect(canvas).to_be_visible()
    box = canvas.bounding_box()
    assert box is not None
    page.mouse.move(box["x"] + 20, box["y"] + 20)
    page.mouse.down()
    for step in range(1, 11):
        page.mouse.move(box["x"] + 20 + step * 15, box["y"] + 20 + step * 8)
    page.mouse.up()
    expect(page.get_by_label("Ink")).to_have_value(re.compile(r"^[1-9][0-9]* dark"))
    expect(page.locator("img")).to_have_count(1)
