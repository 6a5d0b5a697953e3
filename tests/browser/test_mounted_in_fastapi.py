"""demos/mounted_in_fastapi.py in a browser: the page under /gradio/ of a FastAPI host
calls the app's events under that path."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

import pytest
from playwright.sync_api import Page, expect

from tests.support import serving

pytest.importorskip("fastapi")
pytestmark = pytest.mark.browser


def test_the_mounted_page_runs_its_events(
    page: Page, load_demo: Callable[[str], ModuleType]
) -> None:
    with serving(load_demo("mounted_in_fastapi").app) as url:
        page.goto(f"{url}/gradio/")
        page.get_by_label("Text", exact=True).fill("hello")
        page.get_by_role("button", name="Submit").click()
        expect(page.get_by_label("Shouted", exact=True)).to_have_value("HELLO!")
        page.goto(f"{url}/")
        expect(page.locator("body")).to_contain_text("This is your main app")
