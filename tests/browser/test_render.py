"""demos/render_split.py in a browser: ``@gr.render`` redraws rows as the user types."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

import pytest
from playwright.sync_api import Locator, Page, expect

pytestmark = pytest.mark.browser


@pytest.fixture
def app(page: Page, serve: Callable[..., str], load_demo: Callable[[str], ModuleType]) -> Page:
    page.goto(serve(load_demo("render_split").demo))
    expect(page.get_by_text("No input provided.")).to_be_visible()
    return page


def letter(page: Page, n: int) -> Locator:
    return page.get_by_label(f"Letter {n}", exact=True)


def test_typing_redraws_one_row_per_letter(app: Page) -> None:
    app.get_by_label("Word", exact=True).fill("abc")
    expect(letter(app, 3)).to_have_value("c")
    expect(letter(app, 1)).to_have_value("a")
    expect(app.get_by_text("No input provided.")).to_have_count(0)
    app.get_by_label("Word", exact=True).fill("ab")
    expect(letter(app, 3)).to_have_count(0)
    expect(app.get_by_role("button", name="Upper 3")).to_have_count(0)
    app.get_by_label("Word", exact=True).fill("")
    expect(app.get_by_text("No input provided.")).to_be_visible()
    expect(letter(app, 1)).to_have_count(0)


def test_a_rendered_button_runs_its_listener(app: Page) -> None:
    app.get_by_label("Word", exact=True).fill("xy")
    expect(letter(app, 2)).to_have_value("y")
    app.get_by_role("button", name="Upper 2").click()
    expect(letter(app, 2)).to_have_value("Y")
    expect(letter(app, 1)).to_have_value("x")


def test_a_keyed_textbox_keeps_what_the_user_typed(app: Page) -> None:
    word = app.get_by_label("Word", exact=True)
    word.fill("ab")
    expect(letter(app, 2)).to_have_value("b")
    letter(app, 1).fill("hello")
    word.fill("abc")
    expect(letter(app, 3)).to_have_value("c")
    expect(letter(app, 1)).to_have_value("hello")
    app.get_by_role("button", name="Upper 1").click()
    expect(letter(app, 1)).to_have_value("HELLO")
    # Buttons of the previous render are gone: one listener per row, not one per redraw.
    expect(app.get_by_role("button", name="Upper 1")).to_have_count(1)
