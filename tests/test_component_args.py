"""A parameter annotated with a component class receives the component; returning it
updates the component's props and value (Gradio 6)."""

from __future__ import annotations

from typing import Any

import pytest

import limelight as gr

from .support import asgi_client, completion, run_event

pytestmark = pytest.mark.anyio


def app() -> tuple[gr.Blocks, gr.Number]:
    def show(x: gr.Number) -> dict[str, Any]:
        return {"value": x.value, "maximum": x.maximum, "info": x.info}

    def double(request: gr.Request, x: gr.Number) -> gr.Number:
        x.maximum *= 2
        x.value = (x.value or 0) * 2
        x.info = f"Up to {x.maximum}"
        return x

    with gr.Blocks() as demo:
        number = gr.Number(value=5, minimum=0, maximum=10, info="Up to 10")
        shown = gr.JSON()
        gr.Button().click(show, number, shown)
        gr.Button().click(double, number, number)
    return demo, number


async def test_the_function_sees_the_props_and_the_value() -> None:
    demo, _ = app()
    async with asgi_client(demo) as client:
        done = completion(await run_event(client, 0, [5]))
    assert done["output"]["data"] == [{"value": 5, "maximum": 10, "info": "Up to 10"}]


async def test_returning_it_updates_what_changed_and_the_session_keeps_it() -> None:
    demo, _ = app()
    async with asgi_client(demo) as client:
        doubled = completion(await run_event(client, 1, [5]))["output"]["data"][0]
        assert doubled == {"__type__": "update", "maximum": 20, "info": "Up to 20", "value": 10}
        seen = completion(await run_event(client, 0, [10]))["output"]["data"][0]
    assert seen == {"value": 10, "maximum": 20, "info": "Up to 20"}
