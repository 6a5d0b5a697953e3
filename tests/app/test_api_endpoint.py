"""``gr.api``: endpoints without a UI, typed from the function's hints, listed in
``/gradio_api/info`` as Gradio lists them and called like any other endpoint."""

from __future__ import annotations

from typing import Any, Literal

import pytest

import limelight as gr
from limelight.app.api_info import build_api_info
from tests.support import asgi_client, sse_messages


def slice_list(lst: list, start: int, end: int) -> list:
    """Slices a list.

    Args:
        lst: The list to slice.
    """
    return lst[start:end]


def greet(
    name: str, request: gr.Request, style: Literal["a", "b"] = "a", ratio: float | None = None
) -> tuple[str, int]:
    return f"{name} {style} {ratio}", len(name)


def app() -> gr.Blocks:
    with gr.Blocks() as demo:
        gr.Markdown("No inputs on the page")
        gr.api(slice_list)
        gr.api(greet, api_name="hello", api_description="Says hi")
    return demo


def test_parameters_and_returns_come_from_the_hints() -> None:
    endpoints = build_api_info(app(), root_url="http://x/")["named_endpoints"]
    lst, start, _ = endpoints["/slice_list"]["parameters"]
    assert lst == {
        "label": "1st",
        "parameter_name": "lst",
        "parameter_has_default": False,
        "parameter_default": None,
        "type": {"type": "array", "items": {}},
        "python_type": {"type": "list[Any]", "description": ""},
        "component": "Api",
        "example_input": "...",
    }
    assert start["python_type"]["type"] == "int" and start["label"] == "2nd"
    assert endpoints["/slice_list"]["description"] == "Slices a list."
    hello = endpoints["/hello"]
    assert [p["parameter_name"] for p in hello["parameters"]] == ["name", "style", "ratio"]
    style, ratio = hello["parameters"][1:]
    assert (style["python_type"]["type"], style["example_input"]) == ("Literal['a', 'b']", "a")
    assert (ratio["python_type"]["type"], ratio["parameter_default"]) == ("None | float", None)
    assert [r["python_type"]["type"] for r in hello["returns"]] == ["str", "int"]
    assert hello["description"] == "Says hi"


def test_endpoints_are_not_on_the_page() -> None:
    demo = app()
    assert [type(b).__name__ for b in demo.walk() if b is not demo] == ["Markdown"]
    assert all(dep.targets == [] for dep in demo.fns)


@pytest.mark.anyio
async def test_an_endpoint_is_called_with_its_values_unchanged() -> None:
    async with asgi_client(app()) as client:
        started = await client.post("/gradio_api/call/hello", json={"data": ["Ann", "b", 0.5]})
        stream = await client.get(f"/gradio_api/call/hello/{started.json()['event_id']}")
    assert sse_messages(stream.text)[-1]["data"] == ["Ann b 0.5", 3]


def test_the_decorator_form_registers_and_keeps_the_function() -> None:
    with gr.Blocks() as demo:

        @gr.api(api_name="double")
        def double(x: int) -> int:
            return 2 * x

    assert double(2) == 4
    assert [dep.api_name for dep in demo.fns] == ["double"]


def test_every_parameter_needs_a_hint() -> None:
    def untyped(x: int, y: Any, z) -> None:  # type: ignore[no-untyped-def]
        return None

    with gr.Blocks(), pytest.raises(ValueError, match="'z' of 'untyped' has none"):
        gr.api(untyped)


def test_outside_an_app_is_an_error() -> None:
    with pytest.raises(RuntimeError, match="must be called inside"):
        gr.api(slice_list)


def test_something_other_than_a_function_is_a_type_error() -> None:
    with gr.Blocks(), pytest.raises(TypeError, match="takes a function"):
        gr.api(None)  # type: ignore[call-overload]
