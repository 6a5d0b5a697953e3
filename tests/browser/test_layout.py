"""demos/layout_tour.py in a browser: tabs, an accordion, a group, choices and outputs, and
property updates from ``gr.update``."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

import pytest
from playwright.sync_api import Page, expect

import limelight as gr

pytestmark = pytest.mark.browser


@pytest.fixture
def app(page: Page, serve: Callable[..., str], load_demo: Callable[[str], ModuleType]) -> Page:
    """The layout tour, loaded and drawn."""
    page.goto(serve(load_demo("layout_tour").demo))
    expect(page.get_by_role("button", name="Describe")).to_be_visible()
    return page


def test_inputs_tab_shows_every_input(app: Page) -> None:
    expect(app).to_have_title("Layout tour")
    expect(app.get_by_role("heading", name="Layout tour")).to_be_visible()
    expect(app.get_by_role("tab", name="Inputs")).to_have_attribute("aria-selected", "true")
    animal = app.get_by_role("group", name="Animal")
    expect(animal).to_be_visible()
    for choice in ("cat", "dog", "bird"):
        expect(animal.get_by_role("radio", name=choice)).to_be_visible()
    expect(animal.get_by_role("radio", name="cat")).to_be_checked()
    expect(app.get_by_role("combobox", name="Size")).to_have_value("small")
    expect(app.get_by_role("checkbox", name="Hungry")).not_to_be_checked()
    expect(app.get_by_role("slider", name="Age")).to_have_value("3")
    expect(app.get_by_label("Weight", exact=True)).to_have_value("4.5")
    for name in ("Describe", "Make room", "More options"):
        expect(app.get_by_role("button", name=name)).to_be_visible()
    # The outputs live in the other tab, drawn only once it is chosen; so is the closed
    # accordion's content (the events still read and write their values).
    expect(app.get_by_role("group", name="Prediction")).to_be_hidden()
    expect(app.get_by_role("group", name="Details")).to_be_hidden()
    expect(app.locator(".block-label, .block-json")).to_have_count(0)
    expect(app.get_by_role("checkbox", name="Vaccinated")).to_have_count(0)


def test_layout_nesting(app: Page) -> None:
    row = app.locator(".row").filter(has=app.get_by_role("group", name="Animal")).first
    columns = row.locator(":scope > .column")
    expect(columns).to_have_count(2)
    expect(columns.nth(0).get_by_role("combobox", name="Size")).to_be_visible()
    group = columns.nth(1).locator(".group")
    for label in ("Hungry", "Age", "Weight"):
        expect(group.get_by_label(label, exact=True)).to_be_visible()
    # The columns sit side by side in the row.
    left, right = columns.nth(0).bounding_box(), columns.nth(1).bounding_box()
    assert left is not None and right is not None
    assert left["x"] + left["width"] <= right["x"]


def test_switching_tabs(app: Page) -> None:
    inputs_tab = app.get_by_role("tab", name="Inputs")
    results_tab = app.get_by_role("tab", name="Results")
    results_tab.click()
    expect(results_tab).to_have_attribute("aria-selected", "true")
    expect(inputs_tab).to_have_attribute("aria-selected", "false")
    expect(app.get_by_role("tabpanel", name="Results")).to_be_visible()
    expect(app.get_by_role("group", name="Prediction")).to_be_visible()
    expect(app.get_by_role("group", name="Details")).to_be_visible()
    expect(app.get_by_role("group", name="Animal")).to_be_hidden()
    # Arrow keys move between tabs too.
    results_tab.press("ArrowLeft")
    expect(inputs_tab).to_be_focused()
    expect(inputs_tab).to_have_attribute("aria-selected", "true")
    expect(app.get_by_role("group", name="Animal")).to_be_visible()
    expect(app.get_by_role("group", name="Prediction")).to_be_hidden()


def test_accordion_opens_and_closes(app: Page) -> None:
    header = app.get_by_role("button", name="More options")
    vaccinated = app.get_by_role("checkbox", name="Vaccinated")
    expect(header).to_have_attribute("aria-expanded", "false")
    expect(vaccinated).to_be_hidden()
    header.click()
    expect(header).to_have_attribute("aria-expanded", "true")
    expect(vaccinated).to_be_visible()
    expect(vaccinated).to_be_checked()
    header.click()
    expect(header).to_have_attribute("aria-expanded", "false")
    expect(vaccinated).to_be_hidden()


def test_describe_fills_label_and_json(app: Page) -> None:
    app.get_by_role("radio", name="dog").check()
    app.get_by_role("checkbox", name="Hungry").check()
    app.get_by_role("button", name="Describe").click()
    app.get_by_role("tab", name="Results").click()
    prediction = app.get_by_role("group", name="Prediction")
    expect(prediction.locator(".label-top")).to_have_text("dog")
    expect(prediction.get_by_role("button").first).to_contain_text("70%")
    details = app.get_by_role("group", name="Details")
    expect(details.locator(".json-key").first).to_have_text('"animal": ')
    expect(details).to_contain_text('"hungry": true')
    expect(details).to_contain_text('"vaccinated": true')


def test_update_hides_a_component_and_changes_choices(app: Page) -> None:
    weight = app.get_by_label("Weight", exact=True)
    size = app.get_by_role("combobox", name="Size")
    size.click()
    expect(app.get_by_role("option")).to_have_text(["small", "medium", "large"])
    size.press("Escape")
    app.get_by_role("button", name="Make room").click()
    expect(weight).to_be_hidden()
    expect(app.locator(".block-number")).to_have_count(0)
    expect(size).to_have_value("huge")
    size.click()
    expect(app.get_by_role("option")).to_have_text(["huge", "enormous"])
    app.get_by_role("option", name="enormous").click()
    expect(size).to_have_value("enormous")


def test_server_accepts_a_choice_added_by_update(app: Page) -> None:
    app.get_by_role("button", name="Make room").click()
    expect(app.get_by_role("combobox", name="Size")).to_have_value("huge")
    app.get_by_role("button", name="Describe").click()
    app.get_by_role("tab", name="Results").click()
    alert = app.get_by_role("alert")
    shown = app.get_by_role("group", name="Details").get_by_text('"size": "huge"')
    expect(alert.or_(shown).first).to_be_visible()
    assert alert.count() == 0, alert.all_inner_texts()
    expect(shown).to_be_visible()


def test_right_aligned_tabs_sit_together_at_the_far_end(
    page: Page, serve: Callable[..., str]
) -> None:
    with gr.Blocks() as demo:
        with gr.Tab("Help", alignment="right"):
            gr.Markdown("help")
        with gr.Tab("Main"):
            gr.Markdown("main")
        with gr.Tab("About", alignment="right"):
            gr.Markdown("about")
    page.goto(serve(demo))
    expect(page.get_by_role("tab")).to_have_text(["Main", "Help", "About"])
    main = page.get_by_role("tab", name="Main").bounding_box()
    help_tab = page.get_by_role("tab", name="Help").bounding_box()
    assert main is not None and help_tab is not None
    assert help_tab["x"] > main["x"] + main["width"] + 200
    page.get_by_role("tab", name="Main").focus()
    page.keyboard.press("ArrowRight")
    expect(page.get_by_role("tab", name="Help")).to_be_focused()
