"""Native plots in a real browser: colour groups of a BarPlot stack, and x_bin/y_aggregate
updates regroup the rows already on the page."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page, expect

import limelight as gr
from tests.browser.support import load_demo, wait_ready, watch_errors

pytestmark = pytest.mark.browser
pd = pytest.importorskip("pandas")

# The colours of the pixels down a vertical line (at a fraction of the plot's width) of uPlot's
# canvas:
# the palette's first two colours are #4c78a8 (blue) and #f58518 (orange).
COLUMN_COLOURS = """(selector, at) => {
  const root = document.querySelector(selector);
  const canvas = root && root.querySelector("canvas");
  const over = root && root.querySelector(".u-over");
  if (!canvas || !over) return null;
  const c = canvas.getBoundingClientRect(), o = over.getBoundingClientRect();
  const scale = canvas.width / c.width;
  const x = Math.round((o.left - c.left + o.width * at) * scale);
  const top = Math.round((o.top - c.top) * scale), height = Math.round(o.height * scale);
  const px = canvas.getContext("2d").getImageData(x, top, 1, height).data;
  const near = (i, r, g, b) =>
    Math.abs(px[i] - r) < 30 && Math.abs(px[i + 1] - g) < 30 && Math.abs(px[i + 2] - b) < 30;
  const counts = { blue: 0, orange: 0, height };
  for (let i = 0; i < px.length; i += 4) {
    if (near(i, 76, 120, 168)) counts.blue++;
    if (near(i, 245, 133, 24)) counts.orange++;
  }
  return counts;
}"""


def _column(page: Page, selector: str, at: float) -> dict[str, Any]:
    """Once both colours show there, how many pixels of each (and the plot's height)."""
    handle = page.wait_for_function(
        f"(() => {{ const c = ({COLUMN_COLOURS})('{selector}', {at}); "
        "return c && c.blue > 0 && c.orange > 0 ? c : null; })()"
    )
    counts: dict[str, Any] = handle.json_value()
    return counts


def test_colour_groups_of_a_bar_plot_stack(serve: Callable[..., str], page: Page) -> None:
    errors = watch_errors(page)
    frame = pd.DataFrame(
        {"fruit": ["apple", "apple", "fig"], "n": [2, 2, 1], "shop": ["a", "b", "a"]}
    )
    with gr.Blocks() as demo:
        gr.BarPlot(frame, x="fruit", y="n", color="shop", elem_id="stacked")
    wait_ready(page, serve(demo))
    counts = _column(page, "#stacked", 1 / 4)  # the middle of apple
    # Side by side or overlapping, one 2-high bar would hide the other: stacked, each group
    # takes half of the apple column, and together they reach the top of the scale.
    assert 0.8 < counts["blue"] / counts["orange"] < 1.25, counts
    assert counts["blue"] + counts["orange"] > 0.8 * counts["height"], counts
    over = page.locator("#stacked .u-over").bounding_box()
    assert over is not None
    page.mouse.move(over["x"] + over["width"] / 4, over["y"] + over["height"] - 4)
    tooltip = page.locator("#stacked .plot-tooltip")
    expect(tooltip).to_contain_text("fruit: apple")
    expect(tooltip).to_contain_text("a: 2")  # each group's own value, not the stack's height
    expect(tooltip).to_contain_text("b: 2")
    assert errors == []


HOVER_SHOWS = """([selector, text]) => {
  const over = document.querySelector(selector + " .u-over");
  if (!over) return false;
  const box = over.getBoundingClientRect();
  const at = { clientX: box.left + 5, clientY: box.bottom - 4, bubbles: true };
  over.dispatchEvent(new MouseEvent("mousemove", at));
  const tip = document.querySelector(selector + " .plot-tooltip");
  return !!tip && tip.style.display === "block" && tip.textContent.split("\\n").includes(text);
}"""


def _hover_shows(page: Page, selector: str, text: str) -> None:
    """Hover the first x of a (maybe just redrawn) plot until a line of its tooltip is ``text``."""
    page.wait_for_function(HOVER_SHOWS, arg=[selector, text], polling=100)


def test_bin_and_aggregate_updates_regroup_the_demo(serve: Callable[..., str], page: Page) -> None:
    errors = watch_errors(page)
    wait_ready(page, serve(load_demo("plot_aggregation")))
    _column(page, "#by_time", 1 / 16)  # the middle of the first of eight hours
    # Hourly bins: the first hour holds six sales, three per region.
    _hover_shows(page, "#by_time", "north: 33")
    page.locator("#aggregate").get_by_label("count").check()
    _hover_shows(page, "#by_time", "north: 3")
    page.locator("#bins").get_by_label("10m").check()
    _hover_shows(page, "#by_time", "north: 1")  # one sale in the first 10 minutes
    _hover_shows(page, "#trend", "amount: 1")
    expect(page.locator("#by_product canvas")).to_be_visible()
    assert errors == []
