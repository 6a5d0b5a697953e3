"""demos/js_functions.py in a browser: ``js=`` listeners, page script and ``head=``."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


@pytest.fixture
def app(page: Page, serve: Callable[..., str], load_demo: Callable[[str], ModuleType]) -> Page:
    page.goto(serve(load_demo("js_functions").demo))
    expect(page.get_by_role("button", name="Shout")).to_be_visible()
    return page


def test_page_script_head_and_load_js_run(app: Page) -> None:
    expect(app.locator("body")).to_have_attribute("data-greeted", "yes")
    expect(app.locator('meta[name="limelight-demo"]')).to_have_attribute("content", "js functions")
    expect(app.get_by_label("Loaded by", exact=True)).to_have_value("the browser")


def test_a_js_only_listener_never_calls_the_server(app: Page) -> None:
    calls: list[str] = []
    app.on("request", lambda r: calls.append(r.url) if "/gradio_api/" in r.url else None)
    app.get_by_role("button", name="Reverse in the browser").click()
    expect(app.get_by_label("Result", exact=True)).to_have_value("thgilemil")
    assert calls == []


def test_js_rewrites_the_inputs_before_python_runs(app: Page) -> None:
    app.get_by_label("Text", exact=True).fill("hey")
    app.get_by_role("button", name="Shout").click()
    expect(app.get_by_label("Result", exact=True)).to_have_value("HEY!")


def test_a_failing_script_shows_an_error_toast(app: Page) -> None:
    app.get_by_role("button", name="Broken script").click()
    alert = app.get_by_role("alert")
    expect(alert).to_contain_text("broken on purpose")
    expect(alert).to_contain_text("JavaScript error")
    expect(app.get_by_label("Result", exact=True)).to_have_value("")


def test_a_client_side_function_updates_props_without_the_server(app: Page) -> None:
    calls: list[str] = []
    app.on("request", lambda r: calls.append(r.url) if "/gradio_api/" in r.url else None)
    app.get_by_role("button", name="Freeze").click()
    expect(app.get_by_role("button", name="Freeze")).to_be_hidden()
    expect(app.get_by_label("Text", exact=True)).not_to_be_editable()
    assert calls == []
