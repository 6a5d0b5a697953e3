"""demos/hello_world.py in a browser: an Interface with a textbox, a slider and two buttons."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import NamedTuple

import pytest
from playwright.sync_api import Locator, Page, expect

import limelight as gr

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


def test_flag_stores_the_values_and_the_button_comes_back(
    page: Page, serve: Callable[..., str], tmp_path: Path
) -> None:
    demo = gr.Interface(str.upper, "text", "text", flagging_dir=tmp_path)
    page.goto(serve(demo))
    page.get_by_role("textbox").first.fill("hi")
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_role("textbox").nth(1)).to_have_value("HI")
    flag_id = next(d.id for d in demo.fns if d.api_name == "Flag")
    with page.expect_response(
        lambda r: "run/predict" in r.url and r.request.post_data_json["fn_index"] == flag_id
    ):
        page.get_by_role("button", name="Flag").click()
    # "Saving..." while it stored; now the button is back, clickable.
    expect(page.get_by_role("button", name="Flag")).to_be_enabled()
    rows = (tmp_path / "dataset1.csv").read_text(encoding="utf-8").splitlines()
    assert rows[1].startswith("hi,HI,")
