"""Dataframe editing UI: add rows and columns, rename headers, search, rich cells."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

import limelight as gr
from tests.browser.support import wait_ready, watch_errors

pytestmark = pytest.mark.browser


def test_add_row_column_rename_and_search(serve: Callable[..., str], page: Page) -> None:
    errors = watch_errors(page)
    with gr.Blocks() as demo:
        df = gr.Dataframe(
            [["apple", 1], ["pear", 2]],
            headers=["fruit", "n"],
            datatype=["str", "number"],
            row_limits=(None, 3),
            show_search="search",
            interactive=True,
            elem_id="df",
        )
        shape = gr.Textbox(elem_id="shape")
        df.change(lambda f: f"{list(f.columns)} {len(f)}", df, shape)
    wait_ready(page, serve(demo))
    page.get_by_role("button", name="+ Row").click()
    expect(page.locator("#shape input")).to_have_value("['fruit', 'n'] 3")
    # row_limits caps the rows: no more "+ Row".
    expect(page.get_by_role("button", name="+ Row")).to_have_count(0)
    page.get_by_role("button", name="+ Column").click()
    expect(page.locator("#shape input")).to_have_value("['fruit', 'n', '3'] 3")
    page.get_by_role("button", name="Rename fruit").click()
    page.get_by_label("New name for fruit").fill("kind")
    page.get_by_label("New name for fruit").press("Enter")
    expect(page.locator("#shape input")).to_have_value("['kind', 'n', '3'] 3")
    page.get_by_label("Search the table").fill("pea")
    expect(page.locator("#df .df-body .df-row")).to_have_count(1)
    expect(page.locator("#df .df-count")).to_contain_text("1 rows")
    assert errors == []


def test_fixed_tables_offer_no_add_buttons(serve: Callable[..., str], page: Page) -> None:
    with gr.Blocks() as demo:
        gr.Dataframe([[1]], row_count=(1, "fixed"), col_count=(1, "fixed"), interactive=True)
        gr.Dataframe([[1]], interactive=False)
    wait_ready(page, serve(demo))
    expect(page.locator(".dataframe").first).to_be_visible()
    expect(page.get_by_role("button", name="+ Row")).to_have_count(0)
    expect(page.get_by_role("button", name="+ Column")).to_have_count(0)


def test_markdown_and_html_cells_are_rendered(serve: Callable[..., str], page: Page) -> None:
    with gr.Blocks() as demo:
        gr.Dataframe(
            [["**bold**", "<i>it</i>", "<b>raw</b>"], ["| a | b |", "<u>u</u>", "x"]],
            headers=["md", "html", "text"],
            datatype=["markdown", "html", "str"],
        )
    wait_ready(page, serve(demo))
    expect(page.locator(".df-rich strong")).to_have_text("bold")
    expect(page.locator(".df-rich i")).to_have_text("it")
    expect(page.locator(".df-rich u")).to_have_text("u")
    # A str column shows markup as text.
    expect(page.get_by_role("gridcell", name="<b>raw</b>")).to_be_visible()


def test_edit_event_and_clipped_cells(serve: Callable[..., str], page: Page) -> None:
    def edited(data: gr.EditData) -> str:
        return f"{data.index} {data.previous_value!r} -> {data.value!r}"

    with gr.Blocks() as demo:
        df = gr.Dataframe(
            [["a very long description", 1]],
            headers=["text", "n"],
            datatype=["str", "number"],
            max_chars=6,
            interactive=True,
            elem_id="df",
        )
        said = gr.Textbox(elem_id="said")
        df.edit(edited, None, said)
    wait_ready(page, serve(demo))
    clipped = page.locator("#df .df-body .df-cell").first
    expect(clipped).to_have_text("a very…")
    expect(clipped.locator("span")).to_have_attribute("title", "a very long description")
    page.locator("#df .df-body .df-cell").nth(1).dblclick()
    page.locator("#df .df-edit").fill("5")
    page.locator("#df .df-edit").press("Enter")
    expect(page.locator("#said input")).to_have_value("[0, 1] 1 -> 5")
