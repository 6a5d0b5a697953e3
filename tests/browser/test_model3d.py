"""demos/model3d.py in a browser: an OBJ model a function returns is drawn as a wireframe."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


def test_a_returned_obj_model_is_drawn(
    page: Page, serve: Callable[..., str], load_demo: Callable[[str], ModuleType]
) -> None:
    page.goto(serve(load_demo("model3d").demo))
    expect(page.get_by_text("No model")).to_be_visible()
    page.get_by_label("pyramid").check()
    canvas = page.locator("canvas.model3d-canvas")
    expect(canvas).to_be_visible()
    expect(page.get_by_role("link", name="limelight-pyramid.obj")).to_be_visible()
    drawn = canvas.evaluate(
        "c => c.getContext('2d').getImageData(0, 0, c.width, c.height).data.some(v => v > 0)"
    )
    assert drawn
