"""FileExplorer in a browser: folders listed through ``ls``, checked files reach the app."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

import limelight as gr

pytestmark = pytest.mark.browser


def test_browse_check_and_send(page: Page, serve: Callable[..., str], tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "notes.txt").write_text("n")
    (tmp_path / "a.txt").write_text("a")
    (tmp_path / "skip.py").write_text("s")
    with gr.Blocks() as demo:
        explorer = gr.FileExplorer("**/*.txt", root_dir=tmp_path, label="Files")
        shown = gr.Textbox(label="Chosen")
        explorer.change(lambda paths: ",".join(Path(p).name for p in paths), explorer, shown)
    page.goto(serve(demo))
    expect(page.get_by_label("Select a.txt")).to_be_visible()
    expect(page.get_by_text("skip.py")).to_have_count(0)
    page.get_by_role("button", name="Open docs").click()
    page.get_by_label("Select notes.txt").check()
    page.get_by_label("Select a.txt").check()
    expect(page.get_by_label("Chosen")).to_have_value("notes.txt,a.txt")
