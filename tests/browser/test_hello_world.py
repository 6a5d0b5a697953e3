"""demos/hello_world.py in a browser: an Interface with a textbox, a slider and two buttons."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import NamedTuple

import pytest
from playwright.sync_api import Locator, Page, expect

pytestmark = pytest.mark.browser


class Fields(NamedTuple):
    name: Locator
    intensity: Locator
    output: Locator
    submit: Locator
    clear: Locator


@pytest.fixture
def app(page: Page, serve: Callable[..., str], load_demo: Callable[[str], ModuleType]) -> Fields:
    """The hello-world page, loaded and drawn, reached through its accessible names."""
    page.goto(serve(load_demo("hello_world").demo))
    fields = Fields(
        name=page.get_by_label("name", exact=True),
        intensity=page.get_by_label("intensity", exact=True),
        output=page.get_by_label("output", exact=True),
        submit=page.get_by_role("button", name="Submit"),
        clear=page.get_by_role("button", name="Clear"),
    )
    expect(fields.submit).to_be_visible()
    return fields


def test_renders_title_description_and_fields(page: Page, app: Fields) -> None:
    expect(page).to_have_title("Hello")
    expect(page.get_by_role("heading", level=1, name="Hello")).to_be_visible()
    expect(page.get_by_text("Type a name and press")).to_be_visible()
    for control in app:
        expect(control).to_be_visible()
    expect(app.output).not_to_be_editable()


def test_submit_shows_greeting(app: Fields) -> None:
    app.name.fill("Ada")
    app.submit.click()
    expect(app.output).to_have_value("Hello, Ada!")


def test_slider_value_reaches_the_function(page: Page, app: Fields) -> None:
    app.name.fill("Ada")
    app.intensity.fill("3")
    expect(page.get_by_label("intensity value")).to_have_value("3")
    app.submit.click()
    expect(app.output).to_have_value("Hello, Ada!!!")


def test_enter_in_textbox_submits(app: Fields) -> None:
    app.name.fill("Grace")
    app.name.press("Enter")
    expect(app.output).to_have_value("Hello, Grace!")


def test_clear_resets_every_field(app: Fields) -> None:
    app.name.fill("Ada")
    app.intensity.fill("2")
    app.submit.click()
    expect(app.output).to_have_value("Hello, Ada!!")
    app.clear.click()
    expect(app.name).to_have_value("")
    expect(app.output).to_have_value("")
    expect(app.intensity).to_have_value("1")


def test_keyboard_only(page: Page, app: Fields) -> None:
    page.keyboard.press("Tab")
    expect(app.name).to_be_focused()
    page.keyboard.type("Linus")
    # Tab order follows the page: the slider's number box, the slider, Clear, then Submit.
    for control in (page.get_by_label("intensity value"), app.intensity, app.clear, app.submit):
        page.keyboard.press("Tab")
        expect(control).to_be_focused()
    page.keyboard.press("Enter")
    expect(app.output).to_have_value("Hello, Linus!")
    page.keyboard.press("Shift+Tab")
    expect(app.clear).to_be_focused()
    page.keyboard.press("Space")
    expect(app.output).to_have_value("")
    expect(app.name).to_have_value("")
