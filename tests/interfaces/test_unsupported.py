"""The Gradio names limelight cannot honour raise ``NotSupportedError`` naming the feature."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

import limelight as gr
from limelight.exceptions import NotSupportedError

CALLS: dict[str, tuple[Callable[[], Any], str]] = {
    "load of a Hub model": (lambda: gr.load("models/gpt2"), "Hugging Face Hub"),
    "load_chat": (lambda: gr.load_chat("http://127.0.0.1:1/v1", "m"), "load_chat"),
    "load_openapi": (lambda: gr.load_openapi({}, "http://127.0.0.1:1"), "OpenAPI"),
    "ipython": (lambda: gr.load_ipython_extension(None), "IPython"),
    "deploy": (lambda: gr.deploy(), "Spaces"),
    "Workflow": (lambda: gr.Workflow(), "workflow canvas"),
    "WorkflowCanvas": (lambda: gr.WorkflowCanvas(), "workflow canvas"),
}


@pytest.mark.parametrize("case", sorted(CALLS))
def test_unsupported_names_say_what_is_missing(case: str) -> None:
    call, words = CALLS[case]
    with pytest.raises(NotSupportedError, match=words):
        call()


def test_not_supported_is_a_not_implemented_error() -> None:
    assert issubclass(NotSupportedError, NotImplementedError)
