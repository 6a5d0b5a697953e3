"""The kitchen-sink demo renders every component, in light and dark, without console errors."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page

from tests.browser.support import load_demo, wait_ready, watch_errors

pytestmark = pytest.mark.browser
# `serve` comes before `page` in each signature so that the page closes before the server does.

LAYOUTS = {"row", "column", "tabs", "tabitem", "accordion", "sidebar", "form", "group"}
INVISIBLE = {"state", "timer"}


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_every_component_renders(
    serve: Callable[..., str], page: Page, tmp_path: Path, theme: str
) -> None:
    errors = watch_errors(page)
    url = serve(load_demo("kitchen_sink"))
    page.set_viewport_size({"width": 1280, "height": 900})
    config = wait_ready(page, f"{url}?__theme={theme}")
    shown = [c for c in config["components"] if c["type"] not in LAYOUTS | INVISIBLE]
    assert len(shown) > 20
    assert page.evaluate(f"document.documentElement.classList.contains('{theme}')")
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert background == ("rgb(15, 15, 17)" if theme == "dark" else "rgb(246, 247, 245)")
    for tab in ("Inputs", "Outputs", "Data", "Media"):
        page.get_by_role("tab", name=tab).click()
        if tab == "Data":
            page.wait_for_function("document.querySelectorAll('.nativeplot canvas').length >= 3")
            page.wait_for_selector(".plot-block img", state="visible")
            page.wait_for_selector(".df-rich strong", state="visible")
            if importlib.util.find_spec("plotly"):
                page.wait_for_selector(".plot-plotly .scatterlayer .trace", state="visible")
        if tab == "Media":
            page.wait_for_selector(".image-block img", state="visible")
        shot = tmp_path / f"kitchen_sink_{theme}_{tab.lower()}.png"
        page.screenshot(path=str(shot), full_page=True)
        assert shot.stat().st_size > 10_000
    # A tab's blocks are drawn once it is chosen: by now every tab has been.
    page.wait_for_function("document.querySelectorAll('.block-loading').length === 0")
    for component in shown:
        block = page.locator(f'[data-block="{component["id"]}"]')
        assert block.count() == 1, component["type"]
        assert "Could not load" not in block.inner_text(), component["type"]
    # Math and code highlighting load lazily; wait for both.
    page.wait_for_selector(".katex", state="attached")
    page.wait_for_selector(".hljs-keyword", state="attached")
    assert errors == []


def test_phone_layout_stacks_rows(serve: Callable[..., str], page: Page) -> None:
    url = serve(load_demo("kitchen_sink"))
    page.set_viewport_size({"width": 390, "height": 844})
    wait_ready(page, url)
    widths = page.evaluate(
        "[...document.querySelectorAll('.tab-panel:not([hidden]) .row > .block')]"
        ".map(e => e.getBoundingClientRect().width)"
    )
    assert widths
    assert min(widths) > 300
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
