"""The onboarding_steps demo: a walkthrough over a FileExplorer, and a gr.api endpoint,
with no console error."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from tests.browser.support import load_demo, wait_ready, watch_errors

pytestmark = pytest.mark.browser


def test_walk_through_the_steps(page: Page, serve: Callable[..., str]) -> None:
    errors = watch_errors(page)
    config = wait_ready(page, serve(load_demo("onboarding_steps")))
    assert any(c["type"] == "api" for c in config["components"])
    page.get_by_label("Select hello_world.py").check()
    page.get_by_role("button", name="Next", exact=True).click()
    page.get_by_label("Note").fill("Looks good")
    page.get_by_role("button", name="Review", exact=True).click()
    expect(page.get_by_label("Summary")).to_have_value("Looks good (hello_world.py)")
    assert errors == []
