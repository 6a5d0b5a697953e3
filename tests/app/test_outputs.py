"""How a function's return value is split over its outputs, as Gradio reads it."""

from __future__ import annotations

import pytest

import limelight as gr
from limelight.server.services import ServerSettings
from tests.support import asgi_client, completion, run_event


def _two_outputs(fn: object) -> gr.Blocks:
    with gr.Blocks() as demo:
        a, b = gr.Textbox("a"), gr.Textbox("b")
        gr.Button().click(fn, None, [a, b])  # type: ignore[arg-type]
    return demo


@pytest.mark.anyio
async def test_a_lone_skip_leaves_every_output_as_it_is() -> None:
    async with asgi_client(_two_outputs(gr.skip)) as client:
        done = completion(await run_event(client, 0, []))
    assert done["output"]["data"] == [{"__type__": "update"}, {"__type__": "update"}]


@pytest.mark.anyio
async def test_extra_values_are_ignored_with_a_warning() -> None:
    async with asgi_client(_two_outputs(lambda: ("x", "y", "z"))) as client:
        with pytest.warns(UserWarning, match="too many output values"):
            done = completion(await run_event(client, 0, []))
    assert done["output"]["data"] == ["x", "y"]


@pytest.mark.anyio
async def test_too_few_values_is_an_error_that_says_how_many() -> None:
    def short() -> str:
        return "only one"

    async with asgi_client(_two_outputs(short), ServerSettings(show_error=True)) as client:
        done = completion(await run_event(client, 0, []))
    assert done["success"] is False
    assert "didn't return enough output values (needed: 2, returned: 1)" in done["output"]["error"]
