"""gr.Examples and Interface(examples=...): clicking a sample fills the inputs."""

from __future__ import annotations

from pathlib import Path

import pytest

import limelight as gr
from limelight.testing import AppTester
from tests.support import asgi_client


def test_click_fills_the_inputs() -> None:
    with gr.Blocks() as demo:
        name = gr.Textbox()
        count = gr.Number()
        examples = gr.Examples([["Ada", 1], ["Bob", 2]], [name, count])
    dep = examples.load_dependency
    assert dep.targets == [(examples.dataset, "click")]
    assert examples.dataset in demo.children
    with AppTester(demo) as page:
        page.set(examples.dataset, 1)  # the sample the user clicked
        done = page.click(examples.dataset)
        assert (page.value(name), page.value(count)) == ("Bob", 2)
    assert done.data == ["Bob", 2]


def test_run_on_click_runs_fn_after_filling() -> None:
    with gr.Blocks() as demo:
        name = gr.Textbox()
        greeting = gr.Textbox()
        examples = gr.Examples(
            ["Ada", "Bob"], name, greeting, fn=lambda n: f"Hi {n}", run_on_click=True
        )
    chained = [d for d in demo.fns if d.trigger_after == examples.load_dependency.id]
    assert len(chained) == 1
    with AppTester(demo) as page:
        page.set(examples.dataset, 1)
        filled = page.click(examples.dataset)
        assert page.value(greeting) == "Hi Bob"
    assert [then.fn_index for then in filled.then] == [chained[0].id]


def test_rows_are_fitted_to_the_inputs_as_gradio_reads_them() -> None:
    with gr.Blocks():
        short = gr.Examples([["only one"]], [gr.Textbox(), gr.Textbox()])
        long = gr.Examples([["a", "b", "an output"]], [gr.Textbox(), gr.Textbox()])
    assert short.examples == [["only one", None]]
    assert long.examples == [["a", "b"]]


def test_a_folder_with_a_log_lists_one_example_per_row(tmp_path: Path) -> None:
    (tmp_path / "cat.txt").write_text("meow")
    (tmp_path / "log.csv").write_text("file,words,output\ncat.txt,hello,ignored\n")
    with gr.Blocks():
        examples = gr.Examples(str(tmp_path), [gr.File(), gr.Textbox()])
    assert examples.examples == [[str(tmp_path / "cat.txt"), "hello"]]


def test_a_folder_without_a_log_needs_a_single_input(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("a")
    with gr.Blocks():
        one = gr.Examples(str(tmp_path), gr.File())
    assert one.examples == [[str(tmp_path / "a.txt")]]
    with pytest.raises(FileNotFoundError, match=r"log\.csv"), gr.Blocks():
        gr.Examples(str(tmp_path), [gr.File(), gr.Textbox()])


@pytest.mark.anyio
async def test_a_batch_function_is_cached_one_example_at_a_time() -> None:
    def shout(words: list[str]) -> list[list[str]]:
        return [[w.upper() for w in words]]

    with gr.Blocks() as demo:
        box, out = gr.Textbox(), gr.Textbox()
        examples = gr.Examples(["hi"], box, out, fn=shout, batch=True, cache_examples=True)
    assert examples.cache is not None
    async with asgi_client(demo):
        assert await examples.cache.get(0) == ["HI"]


def test_preload_shows_the_cached_example_when_the_page_opens() -> None:
    with gr.Blocks() as demo:
        box, out = gr.Textbox(), gr.Textbox()
        gr.Examples(["a", "b"], box, out, fn=str.upper, cache_examples=True, preload=1)
    loads = [d for d in demo.fns if (demo, "load") in d.targets]
    assert [d.api_visibility for d in loads] == ["undocumented", "undocumented"]
    with AppTester(demo) as page:  # opening the page runs both load listeners
        assert (page.value(box), page.value(out)) == ("b", "B")
        assert [r.fn_index for r in page.history] == [d.id for d in loads]


def test_nothing_is_preloaded_over_a_value_of_the_app_own() -> None:
    with gr.Blocks() as demo:
        box, out = gr.Textbox("mine"), gr.Textbox()
        gr.Examples(["a"], box, out, fn=str.upper, cache_examples=True)
    assert not [d for d in demo.fns if (demo, "load") in d.targets]


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


def test_an_unknown_examples_keyword_is_a_type_error() -> None:
    with gr.Blocks():
        box = gr.Textbox()
        with pytest.raises(TypeError, match="examples_per_pag"):
            gr.Examples(["a"], box, examples_per_pag=3)  # type: ignore[call-arg]
