"""gradio_client against multipage and translated apps: endpoints of every page, and the
``i18n`` marker strings Gradio sends."""

from __future__ import annotations

from collections.abc import Callable

import pytest

import limelight as gr

gradio_client = pytest.importorskip("gradio_client")
from gradio_client import Client  # noqa: E402

pytestmark = pytest.mark.compat


def test_endpoints_on_every_page_are_callable(serve: Callable[..., str]) -> None:
    with gr.Blocks() as demo:
        name = gr.Textbox(label="Name")
        gr.Button("Greet").click(lambda n: f"Hello {n}!", name, name, api_name="greet")
    with demo.route("Counter"):
        count = gr.Number(label="Count")
        gr.Button("Add").click(lambda n: n + 1, count, count, api_name="increment")
    client = Client(serve(demo), verbose=False)
    assert client.predict("Ada", api_name="/greet") == "Hello Ada!"
    assert client.predict(2, api_name="/increment") == 3


def test_translated_strings_reach_the_client_as_markers(serve: Callable[..., str]) -> None:
    i18n = gr.I18n(en={"bob": "Bob"}, fr={"bob": "Robert"})
    with gr.Blocks() as demo:
        box = gr.Textbox(label="Name")
        gr.Button("Reset").click(lambda: i18n("bob"), None, box, api_name="reset")
    client = Client(serve(demo, i18n=i18n), verbose=False)
    assert client.predict(api_name="/reset") == str(i18n("bob"))
