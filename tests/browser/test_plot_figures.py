"""gr.Plot in a real browser: plotly figures and altair charts are drawn interactively, and
their libraries are downloaded only by pages that receive such a figure."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

import limelight as gr
from tests.browser.support import load_demo, record_requests, wait_ready, watch_errors

pytestmark = pytest.mark.browser
pytest.importorskip("pandas")
pytest.importorskip("matplotlib")
pytest.importorskip("plotly")
pytest.importorskip("altair")

HEAVY_CHUNKS = ("plotly", "embed-")
PLOTLY_TEXT = "rgb(42, 63, 95)"  # plotly's default template writes text in #2a3f5f


def _heavy(urls: list[str]) -> list[str]:
    return [u for u in urls if any(name in u.rsplit("/", 1)[-1] for name in HEAVY_CHUNKS)]


def test_plotly_and_altair_figures_are_drawn_and_redrawn(
    serve: Callable[..., str], page: Page
) -> None:
    errors = watch_errors(page)
    urls = record_requests(page)
    wait_ready(page, serve(load_demo("interactive_plots")))
    # plotly: its SVG with one line trace and one bar trace, 7 bars.
    plotly = page.locator("#plotly .plot-plotly")
    expect(plotly.locator("svg.main-svg").first).to_be_visible()
    expect(plotly.locator(".scatterlayer .trace")).to_have_count(1)
    expect(plotly.locator(".barlayer .trace .point")).to_have_count(7)
    expect(plotly.locator(".legend")).to_contain_text("temperature")
    # altair: Vega draws one rect per day.
    altair = page.locator("#altair .plot-altair")
    expect(altair.locator("svg .mark-rect path")).to_have_count(7)
    expect(altair.locator("svg")).to_contain_text("altair")
    # Only the cartesian plotly bundle was needed for these traces.
    heavy = _heavy(urls)
    assert any("plotly-cartesian" in u for u in heavy), heavy
    assert not any("/plotly.min" in u for u in heavy), heavy
    # Nothing is fetched from elsewhere (the spec's $schema URL is only read, never loaded).
    assert {urlsplit(u).hostname for u in urls if u.startswith("http")} == {"127.0.0.1"}
    # A new value redraws both figures with the new data.
    page.locator("#days input[type=number]").fill("12")
    page.locator("#days input[type=number]").press("Enter")
    expect(plotly.locator(".barlayer .trace .point")).to_have_count(12)
    expect(altair.locator("svg .mark-rect path")).to_have_count(12)
    assert errors == []


def test_plotly_follows_the_dark_theme(serve: Callable[..., str], page: Page) -> None:
    go = pytest.importorskip("plotly.graph_objects")
    with gr.Blocks() as demo:
        gr.Plot(go.Figure(go.Scatter(x=[1, 2, 3], y=[3, 1, 2])), elem_id="fig")
    url = serve(demo)
    tick = page.locator("#fig .xtick text").first
    svg = page.locator("#fig svg.main-svg").first
    wait_ready(page, url + "?__theme=light")
    expect(tick).to_have_css("fill", PLOTLY_TEXT)  # the figure's own template
    wait_ready(page, url + "?__theme=dark")
    expect(page.locator("#fig .scatterlayer .trace")).to_have_count(1)
    expect(tick).not_to_have_css("fill", PLOTLY_TEXT)  # the page's light text instead
    expect(svg).to_have_css("background-color", "rgba(0, 0, 0, 0)")


def test_pages_without_interactive_figures_never_download_plotly_or_vega(
    serve: Callable[..., str], page: Page
) -> None:
    urls = record_requests(page)
    wait_ready(page, serve(load_demo("hello_world")))
    figure_module = pytest.importorskip("matplotlib.figure")
    figure = figure_module.Figure(figsize=(2, 1))
    figure.add_subplot().plot([0, 1], [1, 0])
    with gr.Blocks() as demo:
        gr.Plot(figure, format="png", elem_id="mpl")
    wait_ready(page, serve(demo))
    expect(page.locator("#mpl img")).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert any("/assets/plot-" in u for u in urls), urls  # the Plot chunk itself did load
    assert _heavy(urls) == []


def test_other_traces_load_the_full_plotly_bundle_and_bad_specs_say_so(
    serve: Callable[..., str], page: Page
) -> None:
    go = pytest.importorskip("plotly.graph_objects")
    sunburst = go.Figure(go.Sunburst(labels=["all", "a", "b"], parents=["", "all", "all"]))
    with gr.Blocks() as demo:
        gr.Plot(sunburst, elem_id="sun")
        gr.Plot({"type": "plotly", "plot": "{not json"}, elem_id="bad")
    urls = record_requests(page)
    wait_ready(page, serve(demo))
    expect(page.locator("#sun .sunburstlayer path.surface")).to_have_count(3, timeout=30_000)
    expect(page.locator("#bad .plot-empty")).to_have_text("This plotly figure is not valid JSON.")
    assert any("/plotly.min" in u for u in _heavy(urls)), urls
