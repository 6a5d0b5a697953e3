"""gr.Examples and Interface(examples=...): clicking a sample fills the inputs."""

from __future__ import annotations

import pytest

import limelight as gr
from limelight.exceptions import UnsupportedOption
from tests.support import asgi_client, run_event


def _completed(messages: list[dict[str, object]]) -> dict[str, object]:
    return next(m for m in messages if m.get("msg") == "process_completed")


@pytest.mark.anyio
async def test_click_fills_the_inputs() -> None:
    with gr.Blocks() as demo:
        name = gr.Textbox()
        count = gr.Number()
        examples = gr.Examples([["Ada", 1], ["Bob", 2]], [name, count])
    dep = examples.load_dependency
    assert dep.targets == [(examples.dataset, "click")]
    assert examples.dataset in demo.children
    async with asgi_client(demo) as client:
        done = _completed(await run_event(client, dep.id, [1]))
    assert done["output"]["data"] == ["Bob", 2]  # type: ignore[index]


@pytest.mark.anyio
async def test_run_on_click_runs_fn_after_filling() -> None:
    with gr.Blocks() as demo:
        name = gr.Textbox()
        greeting = gr.Textbox()
        examples = gr.Examples(
            ["Ada", "Bob"], name, greeting, fn=lambda n: f"Hi {n}", run_on_click=True
        )
    chained = [d for d in demo.fns if d.trigger_after == examples.load_dependency.id]
    assert len(chained) == 1
    async with asgi_client(demo) as client:
        done = _completed(await run_event(client, chained[0].id, ["Bob"]))
    assert done["output"]["data"] == ["Hi Bob"]  # type: ignore[index]


def test_examples_must_match_the_inputs() -> None:
    with pytest.raises(ValueError, match="needs 2 value"), gr.Blocks():
        gr.Examples([["only one"]], [gr.Textbox(), gr.Textbox()])


def test_pagination_and_labels_reach_the_config() -> None:
    with gr.Blocks():
        examples = gr.Examples(
            [str(i) for i in range(30)],
            gr.Textbox(),
            examples_per_page=5,
            example_labels=[f"Example {i}" for i in range(30)],
        )
    props = examples.dataset.config()["props"]
    assert props["samples_per_page"] == 5
    assert props["sample_labels"][2] == "Example 2"
    assert len(props["samples"]) == 30


def test_interface_examples_render_a_dataset_and_keep_fn_index_zero() -> None:
    demo = gr.Interface(lambda a, b: a + b, ["number", "number"], "number", examples=[[1, 2]])
    assert demo.fns[0].api_name == "lambda"
    assert demo.examples_handler is not None
    dataset = demo.examples_handler.dataset
    assert dataset.id in demo.blocks
    assert dataset.config()["props"]["samples"] == [[1, 2]]


def test_examples_take_gradios_keywords_and_refuse_others() -> None:
    with gr.Blocks():
        box = gr.Textbox()
        with pytest.raises(TypeError, match="examples_per_pag"):
            gr.Examples(["a"], box, examples_per_pag=3)  # type: ignore[call-arg]
        with pytest.raises(UnsupportedOption, match="folder"):
            gr.Examples("examples/", box)
        with pytest.raises(UnsupportedOption, match="batch"):
            gr.Examples(["a"], box, batch=True)


def test_the_example_click_is_an_undocumented_endpoint_as_in_gradio() -> None:
    with gr.Blocks() as demo:
        box = gr.Textbox()
        default = gr.Examples(["a"], box)
        public = gr.Examples(["b"], box, api_name="pick", api_visibility="public")
    assert (default.load_dependency.api_name, default.load_dependency.api_visibility) == (
        "load_example",
        "undocumented",
    )
    assert demo.endpoint("pick") is public.load_dependency
