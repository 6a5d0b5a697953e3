"""Plots in a real browser: uPlot draws the LinePlot, drag selects a range, matplotlib shows."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

import limelight as gr
from tests.browser.support import load_demo, wait_ready, watch_errors

pytestmark = pytest.mark.browser
pd = pytest.importorskip("pandas")
pytest.importorskip("matplotlib")
HOUR = pd.Timedelta("1h")


def test_line_plot_draws_selects_and_follows_the_slider(
    serve: Callable[..., str], page: Page
) -> None:
    errors = watch_errors(page)
    wait_ready(page, serve(load_demo("plots")))
    canvas = page.locator("#line canvas")
    expect(canvas).to_be_visible()
    expect(page.locator("#line .plot-title")).to_have_text("Height over time")
    image = page.locator("#mpl img")
    expect(image).to_have_attribute("src", re.compile(r"^data:image/png;base64,"))
    first_src = image.get_attribute("src")
    # Drag across the middle of the chart: `select` gets the time range.
    over = page.locator("#line .u-over").bounding_box()
    assert over is not None
    y = over["y"] + over["height"] / 2
    page.mouse.move(over["x"] + over["width"] * 0.25, y)
    page.mouse.down()
    page.mouse.move(over["x"] + over["width"] * 0.75, y, steps=5)
    page.mouse.up()
    expect(page.locator("#picked input")).to_have_value(re.compile(r"^\d+\.\d\d to \d+\.\d\d$"))
    page.locator("#line .u-over").dblclick()
    expect(page.locator("#picked input")).to_have_value("")
    # The slider redraws both plots.
    page.locator("#speed input[type=number]").fill("10")
    page.locator("#speed input[type=number]").press("Enter")
    expect(image).not_to_have_attribute("src", first_src or "")
    expect(canvas).to_be_visible()
    assert errors == []


def test_bar_and_scatter_plots_draw_categories_and_colours(
    serve: Callable[..., str], page: Page
) -> None:
    errors = watch_errors(page)
    frame = pd.DataFrame(
        {"fruit": ["apple", "pear", "apple", "fig"], "n": [3, 1, 2, 5], "shop": list("abab")}
    )
    with gr.Blocks() as demo:
        gr.BarPlot(frame, x="fruit", y="n", color="shop", sort="-y", elem_id="bar")
        gr.ScatterPlot(frame, x="n", y="n", color="shop", elem_id="scatter")
        gr.LinePlot(None, x="a", y="b", elem_id="empty")
    wait_ready(page, serve(demo))
    expect(page.locator("#bar canvas")).to_be_visible()
    expect(page.locator("#scatter canvas")).to_be_visible()
    # Categories are in the order `sort` asks (biggest total first): hover the first bar.
    over = page.locator("#bar .u-over").bounding_box()
    assert over is not None
    page.mouse.move(over["x"] + over["width"] / 6, over["y"] + over["height"] - 4)
    expect(page.locator("#bar .plot-tooltip")).to_contain_text("fruit: apple")
    expect(page.locator("#bar .plot-tooltip")).to_contain_text("a: 5")  # summed per bar
    expect(page.locator("#bar .u-legend")).to_contain_text("a")
    expect(page.locator("#empty .plot-empty")).to_be_visible()
    assert errors == []


def _drag_across(page: Page, area: str) -> None:
    over = page.locator(area).bounding_box()
    assert over is not None
    y = over["y"] + over["height"] / 2
    page.mouse.move(over["x"] + over["width"] * 0.25, y)
    page.mouse.down()
    page.mouse.move(over["x"] + over["width"] * 0.75, y, steps=5)
    page.mouse.up()


def test_a_brushed_time_range_arrives_in_seconds_as_in_gradio(
    serve: Callable[..., str], page: Page
) -> None:
    start = pd.Timestamp("2021-01-01")
    frame = pd.DataFrame(
        {"time": pd.date_range(start, periods=50, freq="h"), "temperature": range(50)}
    )
    with gr.Blocks() as demo:
        plot = gr.ScatterPlot(frame, x="time", y="temperature", elem_id="temps")
        picked = gr.Textbox(label="Picked")

        def hours(evt: gr.SelectData) -> str:
            lo, hi = ((pd.Timestamp(end, unit="s") - start) / HOUR for end in evt.index)
            return f"{lo:.0f} to {hi:.0f}"

        plot.select(hours, None, picked)
    wait_ready(page, serve(demo))
    _drag_across(page, "#temps .u-over")
    # A quarter to three quarters of the 49 hours shown.
    expect(page.get_by_label("Picked")).to_have_value(re.compile(r"^1[0-4] to 3[5-9]$"))


def test_a_brushed_category_axis_selects_the_categories_inside(
    serve: Callable[..., str], page: Page
) -> None:
    frame = pd.DataFrame({"fruit": ["apple", "pear", "fig", "kiwi"], "n": [3, 1, 2, 5]})
    with gr.Blocks() as demo:
        plot = gr.BarPlot(frame, x="fruit", y="n", elem_id="fruits")
        picked = gr.Textbox(label="Picked")

        def inside(evt: gr.SelectData) -> str:
            return ", ".join(evt.index)

        plot.select(inside, None, picked)
    wait_ready(page, serve(demo))
    _drag_across(page, "#fruits .u-over")
    expect(page.get_by_label("Picked")).to_have_value(re.compile(r"^(apple, )?pear, fig(, kiwi)?$"))
