"""The page's embedded config: the page sends it compacted, and ``window.gradio_config`` is
the full config, the same as ``/config`` (plus, as in Gradio, the page it describes and the
deep link state), before the app's ``head=`` scripts run."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

import pytest
from playwright.sync_api import Page, expect

import limelight as gr

pytestmark = pytest.mark.browser


def test_window_config_is_the_full_config(
    page: Page, serve: Callable[..., str], load_demo: Callable[[str], ModuleType]
) -> None:
    url = serve(load_demo("kitchen_sink").demo)
    page.goto(url)
    expect(page.locator("[data-block]").first).to_be_attached()
    embedded = page.evaluate("window.gradio_config")
    served = page.request.get(url + "config").json()
    assert embedded.pop("current_page") == "" and embedded.pop("deep_link_state") == "none"
    assert embedded == served


def test_head_scripts_read_the_config(page: Page, serve: Callable[..., str]) -> None:
    head = "<script>window.seenTitle = window.gradio_config.components[0].props.label;</script>"
    with gr.Blocks(head=head) as demo:
        gr.Textbox(label="First box")
    page.goto(serve(demo))
    expect(page.get_by_label("First box")).to_be_editable()
    assert page.evaluate("window.seenTitle") == "First box"
