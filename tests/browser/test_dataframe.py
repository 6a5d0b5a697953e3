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
