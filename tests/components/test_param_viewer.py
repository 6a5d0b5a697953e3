"""ParamViewer: a dict of parameters passed through as JSON."""

from __future__ import annotations

import pytest

import limelight as gr
from limelight.components.base import PayloadError

PARAMS = {
    "number": {"type": "int | float", "description": "The number to round", "default": None},
    "ndigits": {"type": "int", "description": "Digits to keep", "default": "0"},
}


def test_value_round_trips() -> None:
    viewer = gr.ParamViewer(PARAMS)
    assert viewer.postprocess(PARAMS) == PARAMS
    assert viewer.preprocess(PARAMS) == PARAMS
    assert viewer.postprocess(None) is None


def test_bad_values_are_refused() -> None:
    with pytest.raises(TypeError):
        gr.ParamViewer().postprocess(["number"])
    for bad in (["x"], {"x": 1}, "x"):
        with pytest.raises(PayloadError):
            gr.ParamViewer().check_payload(bad)


def test_props_follow_gradio() -> None:
    viewer = gr.ParamViewer(PARAMS, "typescript", ["Foo"], header=None, anchor_links="fn-")
    props = viewer.component_props()
    assert props == {
        "language": "typescript",
        "linkify": ["Foo"],
        "header": None,
        "anchor_links": "fn-",
        "max_height": None,
    }
    assert viewer.api_info() == {"type": {}, "description": "any valid json"}
