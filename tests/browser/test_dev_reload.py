"""``limelight dev`` in a browser: an open page reloads itself after an edit, keeps its
session's State, and shows a failed edit over the app (``docs/protocol.md §8.5``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.support import wait_ready
from tests.cli.dev_support import limelight_dev

pytestmark = [pytest.mark.browser, pytest.mark.timeout(120)]

APP = """
import limelight as gr

with gr.Blocks() as demo:
    total = gr.State(0)
    shown = gr.Number(label="Count v1")
    add = gr.Button("Add")
    add.click(lambda n: (n + 1, n + 1), total, [total, shown])
"""


def test_an_open_page_reloads_after_an_edit_and_shows_a_failed_one(
    tmp_path: Path, page: Page
) -> None:
    file = tmp_path / "app.py"
    file.write_text(APP)
    with limelight_dev("dev", "app.py", "--port", "0", cwd=tmp_path) as dev:
        wait_ready(page, dev.url)
        for expected in ("1", "2"):
            page.get_by_role("button", name="Add").click()
            expect(page.get_by_label("Count v1")).to_have_value(expected)
        file.write_text(APP.replace("Count v1", "Count v2"))
        # The page reloaded itself; its session's State counted on.
        expect(page.get_by_label("Count v2")).to_be_visible(timeout=10_000)
        page.get_by_role("button", name="Add").click()
        expect(page.get_by_label("Count v2")).to_have_value("3")

        file.write_text(APP.replace("Count v1", "Count v2").replace("lambda n:", "lambda n"))
        overlay = page.get_by_role("alert").filter(has_text="SyntaxError")
        expect(overlay).to_be_visible(timeout=10_000)
        overlay.get_by_role("button", name="Dismiss").click()
        expect(overlay).to_be_hidden()
        # The last good app still answers.
        page.get_by_role("button", name="Add").click()
        expect(page.get_by_label("Count v2")).to_have_value("4")
