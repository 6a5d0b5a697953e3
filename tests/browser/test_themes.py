"""demos/themes.py in a browser: a theme's variables style the controls they name, in light
mode and in dark mode, and the page without a theme keeps limelight's own look."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

import pytest
from playwright.sync_api import Page, expect

import limelight as gr

pytestmark = pytest.mark.browser


def _style(page: Page, selector: str, prop: str) -> str:
    value: str = page.locator(selector).first.evaluate(
        f"el => getComputedStyle(el).getPropertyValue({prop!r})"
    )
    return value


def test_set_variables_style_buttons_and_inputs_in_light_and_dark(
    page: Page, serve: Callable[..., str], load_demo: Callable[[str], ModuleType]
) -> None:
    demo = load_demo("themes").demo
    theme = gr.themes.Soft().set(
        button_primary_background_fill="#123456",
        button_primary_background_fill_dark="#654321",
        button_primary_background_fill_hover="#00ff00",
        input_border_color_focus="#ff0000",
        block_title_text_color="#0000ff",
    )
    url = serve(demo, theme=theme)
    greet = page.get_by_role("button", name="Greet")
    page.goto(url + "?__theme=light")
    expect(greet).to_have_css("background-color", "rgb(18, 52, 86)")
    expect(page.locator(".field-label").first).to_have_css("color", "rgb(0, 0, 255)")
    greet.hover()
    expect(greet).to_have_css("background-color", "rgb(0, 255, 0)")
    name = page.get_by_label("Name", exact=True)
    name.focus()
    expect(name).to_have_css("border-color", "rgb(255, 0, 0)")
    page.goto(url + "?__theme=dark")
    expect(greet).to_have_css("background-color", "rgb(101, 67, 33)")
    assert _style(page, ".btn-primary", "--button-primary-background-fill").strip() == "#654321"


def test_without_a_theme_the_page_keeps_limelights_look(
    page: Page, serve: Callable[..., str], load_demo: Callable[[str], ModuleType]
) -> None:
    page.goto(serve(load_demo("themes").demo) + "?__theme=light")
    greet = page.get_by_role("button", name="Greet")
    expect(greet).to_have_css("background-color", "rgb(77, 124, 15)")  # limelight's lime
    assert _style(page, "input[type=checkbox]", "appearance") == "auto"  # native checkboxes
