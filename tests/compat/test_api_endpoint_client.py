"""The official gradio_client calls a ``gr.api`` endpoint by name and keyword."""

from __future__ import annotations

from collections.abc import Callable

import pytest

import limelight as gr

gradio_client = pytest.importorskip("gradio_client")
from gradio_client import Client  # noqa: E402

pytestmark = pytest.mark.compat


def add_and_slice(a: int, b: int, c: list[str]) -> tuple[int, list[str]]:
    return a + b, c[a:b]


def test_client_calls_an_api_endpoint(serve: Callable[..., str]) -> None:
    with gr.Blocks() as demo:
        gr.api(add_and_slice, api_name="add_and_slice")
    client = Client(serve(demo), verbose=False)
    result = client.predict(a=1, b=3, c=list("abcd"), api_name="/add_and_slice")
    assert list(result) == [4, ["b", "c"]]
    info = client.view_api(return_format="dict", print_info=False)
    assert isinstance(info, dict)
    params = info["named_endpoints"]["/add_and_slice"]["parameters"]
    assert [p["python_type"]["type"] for p in params] == ["int", "int", "list[str]"]
