"""docs/security.md #23: hostile values through every text-rendering component run no script."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Dialog, Page

from tests.browser.support import load_demo, wait_ready

pytestmark = pytest.mark.browser


def test_no_payload_runs_script(serve: Callable[..., str], page: Page) -> None:
    dialogs: list[str] = []

    def on_dialog(dialog: Dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    wait_ready(page, serve(load_demo("xss_payloads")))
    page.wait_for_timeout(500)
    page.locator("#reveal button").click()
    page.wait_for_function("document.querySelectorAll('[aria-busy]').length === 0")
    page.wait_for_timeout(800)
    # Click every link the payloads produced: none may lead to script.
    hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.getAttribute('href'))")
    for href in hrefs:
        assert not href.lower().lstrip().startswith(("javascript:", "data:")), href
    handlers = page.evaluate(
        "[...document.querySelectorAll('*')].flatMap(e => [...e.attributes]"
        ".filter(a => a.name.startsWith('on')).map(a => e.tagName + ' ' + a.name))"
    )
    assert handlers == []
    assert page.locator("iframe, main script, main link").count() == 0
    # Only gr.HTML keeps a value's <style> blocks (as Gradio shows them).
    loose = page.evaluate(
        "[...document.querySelectorAll('main style')].filter(s => !s.closest('.html-block')).length"
    )
    assert loose == 0
    assert dialogs == []
