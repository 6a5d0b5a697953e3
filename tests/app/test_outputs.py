"""How a function's return value is split over its outputs, as Gradio reads it."""

from __future__ import annotations

import pytest

import limelight as gr
from limelight.testing import AppTester, AsyncAppTester


def _two_outputs(fn: object) -> tuple[gr.Blocks, gr.Button]:
    with gr.Blocks() as demo:
        a, b = gr.Textbox("a"), gr.Textbox("b")
        button = gr.Button()
        button.click(fn, None, [a, b])  # type: ignore[arg-type]
    return demo, button


def test_a_lone_skip_leaves_every_output_as_it_is() -> None:
    demo, button = _two_outputs(gr.skip)
    with AppTester(demo) as page:
        done = page.click(button)
        assert [page.value(block) for block in demo.fns[0].outputs] == ["a", "b"]
    assert done.data == [{"__type__": "update"}, {"__type__": "update"}]


@pytest.mark.anyio
async def test_extra_values_are_ignored_with_a_warning() -> None:
    demo, button = _two_outputs(lambda: ("x", "y", "z"))
    async with AsyncAppTester(demo) as page:
        with pytest.warns(UserWarning, match="too many output values"):
            done = await page.click(button)
    assert done.data == ["x", "y"]


def test_too_few_values_is_an_error_that_says_how_many() -> None:
    def short() -> str:
        return "only one"

    demo, button = _two_outputs(short)
    with AppTester(demo, show_error=True) as page:
        error = page.click(button).error
    assert error is not None
    assert "didn't return enough output values (needed: 2, returned: 1)" in str(error.message)
