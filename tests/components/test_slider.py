"""Slider: a number within a range."""

from __future__ import annotations

import pytest

import limelight as gr
from limelight.components import PayloadError


def test_value_defaults_to_minimum() -> None:
    assert gr.Slider(2, 8).value == 2
    assert gr.Slider(2, 8, value=5).value == 5


def test_range_is_enforced_inclusively() -> None:
    slider = gr.Slider(0, 10)
    assert slider.preprocess(0) == 0
    assert slider.preprocess(10) == 10
    with pytest.raises(PayloadError, match=r"outside the slider's range \[0, 10\]"):
        slider.preprocess(11)
    with pytest.raises(PayloadError, match="outside"):
        slider.preprocess(-0.5)


def test_non_numbers_are_refused() -> None:
    with pytest.raises(PayloadError, match="Expected a number"):
        gr.Slider().preprocess("far")


def test_no_output_shows_the_minimum() -> None:
    assert gr.Slider(3, 9).postprocess(None) == 3


def test_api_info_describes_the_range() -> None:
    assert gr.Slider(0, 10).api_info() == {
        "type": "number",
        "description": "numeric value between 0 and 10",
    }


def test_randomize_wires_a_load_event_within_range() -> None:
    with gr.Blocks() as demo:
        slider = gr.Slider(0, 10, step=2, randomize=True)
    (load,) = demo.fns
    assert load.outputs == [slider]
    assert load.fn is not None
    for _ in range(20):
        value = load.fn()
        assert 0 <= value <= 10 and value % 2 == 0


def test_props() -> None:
    props = gr.Slider(1, 5, step=0.5).config()["props"]
    assert (props["minimum"], props["maximum"], props["step"]) == (1, 5, 0.5)


def test_fires_release() -> None:
    slider = gr.Slider()
    with gr.Blocks():
        dep = slider.release(lambda x: x, slider, None)
    assert dep.targets == [(slider, "release")]
