"""demos/progress_bars.py and demos/trigger_modes.py in a browser: progress bars, the
``show_progress`` styles, toasts with durations and what repeated clicks do."""

from __future__ import annotations

import time
from collections.abc import Callable
from types import ModuleType

import pytest
from playwright.sync_api import Locator, Page, expect

pytestmark = pytest.mark.browser


@pytest.fixture
def app(page: Page, serve: Callable[..., str], load_demo: Callable[[str], ModuleType]) -> Page:
    module = load_demo("progress_bars")
    module.PAUSE = 0.15
    page.goto(serve(module.demo))
    expect(page.get_by_role("button", name="Run full")).to_be_visible()
    return page


def block_of(page: Page, label: str) -> Locator:
    return page.locator("[data-block]").filter(has=page.get_by_label(label, exact=True))


def test_progress_tqdm_draws_a_bar_on_the_output(app: Page) -> None:
    app.get_by_role("button", name="Run full").click()
    block = block_of(app, "Full")
    bar = block.get_by_role("progressbar")
    expect(bar).to_be_visible()
    expect(block.locator(".status-full")).to_contain_text("Working")
    app.wait_for_function(
        "el => Number(el.getAttribute('aria-valuenow')) >= 40",
        arg=bar.element_handle(),
        polling="raf",
    )
    expect(app.get_by_label("Full", exact=True)).to_have_value("done 5 steps")
    expect(bar).to_have_count(0)
    success = app.get_by_role("status").filter(has_text="All steps done.")
    expect(success).to_be_visible()
    expect(success).to_have_count(0, timeout=4_000)  # duration=2


def test_minimal_shows_only_the_timer(app: Page) -> None:
    app.get_by_role("button", name="Run minimal").click()
    block = block_of(app, "Minimal")
    expect(block.locator(".status-minimal")).to_be_visible()
    expect(block.locator(".status-full")).to_have_count(0)
    expect(app.get_by_label("Minimal", exact=True)).to_have_value("waited 5 steps")
    expect(block.locator(".status")).to_have_count(0)


def test_hidden_shows_nothing(app: Page) -> None:
    app.get_by_role("button", name="Run hidden").click()
    block = block_of(app, "Hidden")
    for _ in range(5):
        expect(block.locator(".status")).to_have_count(0)
        expect(block).not_to_have_attribute("aria-busy", "true")
        time.sleep(0.1)
    expect(app.get_by_label("Hidden", exact=True)).to_have_value("waited 5 steps")


def test_show_progress_on_marks_another_block(app: Page) -> None:
    app.get_by_role("button", name="Run on banner").click()
    expect(block_of(app, "Banner")).to_have_attribute("aria-busy", "true")
    expect(block_of(app, "Hidden")).not_to_have_attribute("aria-busy", "true")
    expect(app.get_by_label("Hidden", exact=True)).to_have_value("waited 5 steps")
    expect(block_of(app, "Banner")).not_to_have_attribute("aria-busy", "true")


def test_toast_durations(app: Page) -> None:
    app.get_by_role("button", name="Notify").click()
    warning = app.get_by_role("alert").filter(has_text="stays until you close it")
    info = app.get_by_role("status").filter(has_text="goes after a second")
    expect(warning).to_be_visible()
    expect(info).to_be_visible()
    expect(info).to_have_count(0, timeout=3_000)
    time.sleep(0.5)
    expect(warning).to_be_visible()
    warning.get_by_role("button", name="Close").click()
    expect(warning).to_have_count(0)


@pytest.mark.parametrize(("mode", "runs"), [("once", 1), ("multiple", 3), ("always_last", 2)])
def test_trigger_modes(
    page: Page,
    serve: Callable[..., str],
    load_demo: Callable[[str], ModuleType],
    mode: str,
    runs: int,
) -> None:
    module = load_demo("trigger_modes")
    page.goto(serve(module.demo))
    button = page.get_by_role("button", name=f"Click ({mode})")
    # Three clicks in one task, so none can land after the first run has ended.
    button.evaluate("b => { b.click(); b.click(); b.click(); }")
    expect(page.get_by_label(f"Runs ({mode})", exact=True)).to_have_value(str(runs), timeout=8_000)
    time.sleep(module.PAUSE * 2)
    assert module.RUNS[mode] == runs
