"""ClearButton: empties the components it was given."""

from __future__ import annotations

import pytest

import limelight as gr
from tests.support import asgi_client, run_event


@pytest.mark.anyio
async def test_click_clears_the_components() -> None:
    with gr.Blocks() as demo:
        text = gr.Textbox("hello")
        number = gr.Number(3)
        state = gr.State([1])
        button = gr.ClearButton([text, number, state])
    (dep,) = demo.fns
    assert dep.targets == [(button, "click")]
    assert dep.api_visibility == "private"
    async with asgi_client(demo) as client:
        messages = await run_event(client, dep.id, [])
    done = next(m for m in messages if m.get("msg") == "process_completed")
    assert done["output"]["data"] == [None, None, None]


def test_clear_button_is_a_button_with_its_own_type() -> None:
    button = gr.ClearButton(value="Reset")
    assert button.config()["type"] == "clearbutton"
    assert button.config()["props"]["value"] == "Reset"


def test_api_name_names_the_clear_endpoint() -> None:
    with gr.Blocks() as demo:
        text = gr.Textbox()
        gr.ClearButton(text, api_name="reset", api_visibility="public")
    (dep,) = demo.fns
    assert (dep.api_name, dep.api_visibility) == ("reset", "public")
