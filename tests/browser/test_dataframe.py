"""A large Dataframe (20,000 rows; the 100,000-row figure is in benchmarks/dataframe.py):
virtualised, sortable, selectable, editable."""

from __future__ import annotations

import runpy
from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

import limelight as gr
from tests.browser.support import DEMOS, wait_ready, watch_errors

pytestmark = pytest.mark.browser


def test_large_table_is_virtualised_and_interactive(serve: Callable[..., str], page: Page) -> None:
    errors = watch_errors(page)
    make_demo = runpy.run_path(str(DEMOS / "dataframe.py"), run_name="demo_under_test")["make_demo"]
    wait_ready(page, serve(make_demo(20_000)))
    rows = page.locator("#df .df-body .df-row")
    expect(rows.first).to_be_visible()
    assert rows.count() < 100
    expect(page.locator("#df .df-count")).to_contain_text("20,000 rows")
    # Sort descending on col0: the biggest value comes first.
    header = page.get_by_role("button", name="col0", exact=True)
    header.click()
    header.click()
    expect(rows.first.locator(".df-cell").first).to_have_text("199990")
    rows.first.locator(".df-cell").nth(1).click()
    expect(page.locator("#picked input")).to_have_value("[19999, 1] = 199991")
    # Scroll to the middle: the rows there are drawn.
    page.locator("#df .df-scroll").evaluate("el => el.scrollTop = 34 * 10000")
    expect(page.get_by_role("gridcell", name="100000", exact=True)).to_be_visible()
    assert errors == []


def test_cell_edit_sends_the_table(serve: Callable[..., str], page: Page) -> None:
    with gr.Blocks() as demo:
        df = gr.Dataframe([[1, 2], [3, 4]], headers=["a", "b"], datatype="number", type="array")
        total = gr.Number(elem_id="total")
        df.change(lambda rows: sum(r[0] for r in rows), df, total)
    wait_ready(page, serve(demo))
    page.locator(".df-body .df-row").first.locator(".df-cell").first.dblclick()
    page.locator(".df-edit").fill("10")
    page.locator(".df-edit").press("Enter")
    expect(page.locator("#total input")).to_have_value("13")


def test_big_table_scrolls_to_its_last_rows_and_edits_reach_the_function(
    serve: Callable[..., str], page: Page
) -> None:
    errors = watch_errors(page)
    make_demo = runpy.run_path(str(DEMOS / "dataframe.py"), run_name="demo_under_test")["make_demo"]
    wait_ready(page, serve(make_demo(20_000)))
    scroller = page.locator("#df .df-scroll")
    scroller.evaluate("el => el.scrollTop = el.scrollHeight")
    last = page.get_by_role("gridcell", name="199999", exact=True)
    expect(last).to_be_visible()
    last.click()
    expect(page.locator("#picked input")).to_have_value("[19999, 9] = 199999")
    # Edit the first cell of row 19,999: the change listener sums column 0 of the whole table.
    cell = page.get_by_role("gridcell", name="199990", exact=True)
    cell.dblclick()
    page.locator("#df .df-edit").fill("-5")
    page.locator("#df .df-edit").press("Enter")
    expect(page.locator("#total input")).to_have_value(str(sum(r * 10 for r in range(19_999)) - 5))
    # Sorted on the server, the edited row comes first with its edit.
    page.get_by_role("button", name="col0", exact=True).click()
    scroller.evaluate("el => el.scrollTop = 0")
    first_row = page.locator("#df .df-body .df-row").first
    expect(first_row.locator(".df-cell").first).to_have_text("-5")
    expect(first_row.locator(".df-cell").nth(1)).to_have_text("199991")
    assert errors == []


def test_big_table_is_searched_and_filtered_on_the_server(
    serve: Callable[..., str], page: Page
) -> None:
    rows = [[i, f"item {i}"] for i in range(5_000)]
    with gr.Blocks() as demo:
        gr.Dataframe(rows, headers=["n", "name"], show_search="filter", elem_id="big")
    wait_ready(page, serve(demo))
    page.locator("#big .df-search").fill("item 499")
    expect(page.locator("#big .df-count")).to_contain_text("11 rows")
    expect(page.get_by_role("gridcell", name="item 4995", exact=True)).to_be_visible()
    page.locator("#big .df-search").fill("")
    expect(page.locator("#big .df-count")).to_contain_text("5,000 rows")


def test_wrapped_text_grows_its_row_and_the_rows_below_move_down(
    serve: Callable[..., str], page: Page
) -> None:
    long = "a long note that wraps " * 12
    rows = [[i, long if i == 1 else "short"] for i in range(300)]
    with gr.Blocks() as demo:
        gr.Dataframe(rows, headers=["n", "note"], wrap=True, column_widths=["60px", "200px"])
    wait_ready(page, serve(demo))
    expect(page.locator(".df-body .df-row").nth(2)).to_be_visible()
    # The wrapped row is measured once drawn: its height and the next row's place follow.
    geometry = """() => {
      const row = (i) => document.querySelector(`.df-body .df-row[data-index='${i}']`);
      const tall = row(1).getBoundingClientRect(), next = row(2).getBoundingClientRect();
      return tall.height > 60 && next.top >= tall.bottom - 1;
    }"""
    page.wait_for_function(geometry)


def test_a_big_table_from_an_event_is_fetched_from_the_session(
    serve: Callable[..., str], page: Page
) -> None:
    with gr.Blocks() as demo:
        df = gr.Dataframe([[i] for i in range(3_000)], headers=["n"], elem_id="big")
        gr.Button("Replace").click(lambda: gr.update(value=[[-i] for i in range(4_000)]), None, df)
    wait_ready(page, serve(demo))
    page.get_by_role("button", name="Replace").click()
    expect(page.locator("#big .df-count")).to_contain_text("4,000 rows")
    page.locator("#big .df-scroll").evaluate("el => el.scrollTop = el.scrollHeight")
    expect(page.get_by_role("gridcell", name="-3999", exact=True)).to_be_visible()
    # Sorted on the server: the session's table, not the one the page started with.
    page.get_by_role("button", name="n", exact=True).click()
    page.locator("#big .df-scroll").evaluate("el => el.scrollTop = 0")
    expect(page.locator("#big .df-body .df-row").first).to_have_text("-3999")
