"""Cancelling in a browser: demos/cancel_stream.py's cancel button and Interface's Stop
button stop a streaming generator."""

from __future__ import annotations

import time
from collections.abc import Callable
from types import ModuleType

import pytest
from playwright.sync_api import Locator, Page, expect

import limelight as gr
from tests.browser.support import holds_soon

pytestmark = pytest.mark.browser


def reaches(page: Page, box: Locator, count: int) -> None:
    """Wait until ``box`` shows at least ``count`` (values pass too fast for ``expect``)."""
    page.wait_for_function(
        "([el, n]) => Number(el.value) >= n", arg=[box.element_handle(), count], timeout=5_000
    )


def test_stop_ends_the_stream_and_runs_the_generators_finally(
    page: Page, serve: Callable[..., str], load_demo: Callable[[str], ModuleType]
) -> None:
    module = load_demo("cancel_stream")
    page.goto(serve(module.demo))
    shown = page.get_by_label("Count", exact=True)
    page.get_by_role("button", name="Count", exact=True).click()
    reaches(page, shown, 3)
    block = page.locator("[data-block]").filter(has=shown)
    expect(block).to_have_attribute("aria-busy", "true")
    page.get_by_role("button", name="Stop").click()
    expect(block).not_to_have_attribute("aria-busy", "true")
    assert holds_soon(lambda: bool(module.STOPPED))
    assert len(module.STOPPED) == 1
    stopped_at = shown.input_value()
    time.sleep(0.6)  # three more values would have arrived by now
    assert shown.input_value() == stopped_at
    assert int(stopped_at) <= module.STOPPED[0]
    # The button works again after a cancel.
    page.get_by_role("button", name="Count", exact=True).click()
    expect(block).to_have_attribute("aria-busy", "true")
    reaches(page, shown, 2)


def test_interface_stop_button_ends_a_generator(page: Page, serve: Callable[..., str]) -> None:
    def count(n: float):
        for i in range(int(n)):
            time.sleep(0.2)
            yield i

    app = gr.Interface(count, gr.Number(value=100, label="n"), gr.Number(label="i"))
    page.goto(serve(app))
    page.get_by_role("button", name="Submit").click()
    stop = page.get_by_role("button", name="Stop")
    expect(stop).to_be_visible()
    page.wait_for_function(
        "el => Number(el.value) >= 2", arg=page.get_by_label("i").element_handle()
    )
    stop.click()
    expect(page.get_by_role("button", name="Submit")).to_be_visible()
    expect(stop).to_be_hidden()
    stopped_at = page.get_by_label("i").input_value()
    page.wait_for_timeout(600)  # the generator would have yielded again by now
    assert page.get_by_label("i").input_value() == stopped_at
