"""demos/multipage.py in a browser: the page links, moving between pages, events on each."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

import pytest
from playwright.sync_api import Page, expect

import limelight as gr

pytestmark = pytest.mark.browser


@pytest.fixture
def url(serve: Callable[..., str], load_demo: Callable[[str], ModuleType]) -> str:
    return serve(load_demo("multipage").demo)


def test_the_bar_links_the_pages_shown_in_it(page: Page, url: str) -> None:
    page.goto(url)
    nav = page.get_by_role("navigation", name="Pages")
    expect(nav.get_by_role("link")).to_have_text(["Greet", "Counter", "Docs"])
    expect(nav.get_by_role("link", name="Greet")).to_have_attribute("aria-current", "page")
    expect(nav.get_by_role("link", name="Docs")).to_have_attribute("target", "_blank")


def test_each_page_has_its_own_blocks_and_events(page: Page, url: str) -> None:
    page.goto(url)
    page.get_by_label("Name").fill("Ada")
    page.get_by_role("button", name="Greet").click()
    expect(page.get_by_label("Greeting")).to_have_value("Hello Ada!")
    page.get_by_role("navigation", name="Pages").get_by_role("link", name="Counter").click()
    expect(page).to_have_url(url.rstrip("/") + "/counter")
    expect(page.get_by_label("Name")).to_have_count(0)
    page.get_by_role("button", name="Add one").click()
    expect(page.get_by_label("Count")).to_have_value("1")
    nav = page.get_by_role("navigation", name="Pages")
    expect(nav.get_by_role("link", name="Counter")).to_have_attribute("aria-current", "page")
    # The Navbar that renames the main page is on that page only: here it is "Home".
    nav.get_by_role("link", name="Home").click()
    expect(page.get_by_label("Name")).to_be_visible()


def test_a_page_left_out_of_the_bar_loads_by_url_and_runs_its_load_event(
    page: Page, url: str
) -> None:
    page.goto(url + "secret")
    expect(page.get_by_label("Message")).to_have_value("You found the secret page")
    expect(page.get_by_role("navigation", name="Pages").get_by_role("link")).to_have_count(2)


def test_events_see_the_query_of_the_page_they_run_on(
    page: Page, serve: Callable[..., str]
) -> None:
    """As Gradio's navbar_query_params demo: a page's load event reads the link's query."""

    def option(request: gr.Request) -> str:
        return request.query_params.get("option", "none")

    with gr.Blocks() as demo:
        gr.Markdown("Main")
    with demo.route("second", show_in_navbar=False) as second:
        chosen = gr.Textbox(label="Chosen")
        second.load(option, None, chosen)
    page.goto(serve(demo) + "second?option=Canada")
    expect(page.get_by_label("Chosen")).to_have_value("Canada")
