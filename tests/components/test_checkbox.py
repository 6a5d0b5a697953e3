"""Checkbox: strictly booleans in, booleans out."""

from __future__ import annotations

import pytest

import limelight as gr
from limelight.components import PayloadError


def test_booleans_and_null_pass() -> None:
    box = gr.Checkbox()
    assert box.preprocess(True) is True
    assert box.preprocess(False) is False
    assert box.preprocess(None) is None


@pytest.mark.parametrize("payload", ["true", 1, 0, [], {}])
def test_other_payloads_are_refused(payload: object) -> None:
    with pytest.raises(PayloadError, match="Checkbox expects true or false, got"):
        gr.Checkbox().preprocess(payload)


def test_outputs_are_read_as_truth_values() -> None:
    assert gr.Checkbox().postprocess(1) is True
    assert gr.Checkbox().postprocess("") is False


def test_default_value_is_false() -> None:
    assert gr.Checkbox().value is False


def test_api_info() -> None:
    assert gr.Checkbox().api_info() == {"type": "boolean"}
