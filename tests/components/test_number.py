"""Number: parsing, precision and bounds."""

from __future__ import annotations

import numpy as np
import pytest

import limelight as gr
from limelight.components import PayloadError


def test_ints_stay_ints_and_floats_stay_floats() -> None:
    number = gr.Number()
    assert number.preprocess(2) == 2 and isinstance(number.preprocess(2), int)
    assert isinstance(number.preprocess(2.0), float)


def test_numeric_strings_are_parsed() -> None:
    assert gr.Number().preprocess("3.5") == 3.5


def test_empty_string_means_no_value() -> None:
    assert gr.Number().preprocess("") is None


def test_precision_zero_gives_an_int() -> None:
    value = gr.Number(precision=0).preprocess(2.6)
    assert value == 3 and isinstance(value, int)


def test_precision_rounds() -> None:
    assert gr.Number(precision=2).preprocess(1.23456) == 1.23
    assert gr.Number(precision=1).postprocess(0.25) == 0.2


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        ("abc", "Expected a number, got 'abc'"),
        (True, "Expected a number, got bool"),
        ([1], "Expected a number, got list"),
        ({"x": 1}, "Expected a number, got dict"),
        (float("inf"), "Expected a finite number"),
        (float("nan"), "Expected a finite number"),
        ("nan", "Expected a finite number"),
    ],
)
def test_bad_payloads_are_refused(payload: object, message: str) -> None:
    with pytest.raises(PayloadError, match=message.replace("[", r"\[")):
        gr.Number().preprocess(payload)


def test_minimum_and_maximum() -> None:
    number = gr.Number(minimum=0, maximum=10)
    assert number.preprocess(0) == 0
    assert number.preprocess(10) == 10
    with pytest.raises(PayloadError, match="less than minimum value 0"):
        number.preprocess(-1)
    with pytest.raises(PayloadError, match="more than maximum value 10"):
        number.preprocess(10.5)


def test_bounds_apply_after_rounding() -> None:
    assert gr.Number(precision=0, maximum=10).preprocess(10.4) == 10


def test_value_is_postprocessed_with_precision() -> None:
    assert gr.Number(2.71828, precision=2).value == 2.72


def test_props() -> None:
    props = gr.Number(minimum=1, maximum=2, step=0.1, precision=1).config()["props"]
    assert (props["minimum"], props["maximum"], props["step"], props["precision"]) == (
        1,
        2,
        0.1,
        1,
    )


def test_numpy_numbers_are_numbers() -> None:
    assert gr.Number().postprocess(np.int64(5)) == 5
    assert isinstance(gr.Number().postprocess(np.int64(5)), int)
    assert gr.Number().postprocess(np.float32(1.5)) == 1.5
    assert gr.Slider().postprocess(np.int32(3)) == 3
