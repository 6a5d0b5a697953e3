"""Buttons draw their ``icon``: a local file given in Python is served and shown."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

import limelight as gr

pytestmark = pytest.mark.browser

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xcf\xc0\xf0\x1f\x00\x05\x00\x01\xff\x89\x99"
    b"=\x1d\x00\x00\x00\x00IEND\xaeB`\x82"
)


def test_local_icons_load_on_every_kind_of_button(
    page: Page, serve: Callable[..., str], tmp_path: Path
) -> None:
    icon = tmp_path / "icon.png"
    icon.write_bytes(PNG)
    with gr.Blocks() as demo:
        gr.Button("Go", icon=str(icon))
        gr.UploadButton("Up", icon=str(icon))
        gr.DownloadButton("Down", icon=str(icon))
    page.goto(serve(demo))
    icons = page.locator(".btn .btn-icon")
    expect(icons).to_have_count(3)
    for index in range(3):
        expect(icons.nth(index)).to_have_js_property("naturalWidth", 1)
