"""A payload of the wrong shape for any component is a 422 naming the component."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

import limelight as gr
from limelight.components import Component
from tests.support import asgi_client

CASES: list[tuple[Callable[[], Component], Any]] = [
    (gr.Number, "seven"),
    (lambda: gr.Slider(0, 10), 11),
    (gr.Checkbox, "yes"),
    (lambda: gr.Radio(["a", "b"]), "c"),
    (lambda: gr.Dropdown(["a", "b"]), "c"),
    (lambda: gr.Dropdown(["a", "b"], multiselect=True, max_choices=1), ["a", "b"]),
    (lambda: gr.CheckboxGroup(["a", "b"]), ["z"]),
    (lambda: gr.CheckboxGroup(["a", "b"]), "a"),
    (gr.ColorPicker, "not a colour"),
    (gr.DateTime, "the day after tomorrow"),
    (gr.Textbox, {"an": "object"}),
    (gr.Code, ["a", "list"]),
    (gr.HighlightedText, "plain text"),
    (gr.Label, ["a", "list"]),
    (gr.Timer, -3),
    (lambda: gr.Dataset(components=[gr.Textbox()], samples=[["a"]]), 4),
    (gr.LinePlot, {"columns": ["x", "y"], "data": [[1]], "datatypes": {}}),
    (gr.BarPlot, "not a table"),
    (gr.Plot, {"type": "flash", "plot": ""}),
]


@pytest.mark.anyio
@pytest.mark.parametrize(("make", "payload"), CASES, ids=[repr(p) for _, p in CASES])
async def test_wrong_shape_is_a_422_naming_the_component(
    make: Callable[[], Component], payload: Any
) -> None:
    with gr.Blocks() as demo:
        component = make()
        out = gr.JSON()
        component.change(lambda v: v, component, out)
    async with asgi_client(demo) as client:
        response = await client.post(
            "/gradio_api/queue/join",
            json={"data": [payload], "fn_index": 0, "session_hash": "bad"},
        )
    assert response.status_code == 422, response.text
    assert type(component).__name__ in response.json()["detail"]
