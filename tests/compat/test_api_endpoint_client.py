"""The official gradio_client calls a ``gr.api`` endpoint by name and keyword."""

from __future__ import annotations

from collections.abc import Callable, Iterator

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


def test_the_options_gradios_docs_describe(serve: Callable[..., str]) -> None:
    """Streaming, batching, async, ``queue=False``, visibility and name clashes, as Gradio's
    ``gr.api`` documentation describes them (and Gradio 6.31 answers)."""

    def count(n: int) -> Iterator[str]:
        for i in range(n):
            yield str(i)

    def doubled(xs: list[int]) -> tuple[list[int]]:
        return ([2 * x for x in xs],)

    async def backwards(text: str) -> str:
        return text[::-1]

    def hidden(text: str) -> str:
        return text

    def greet(name: str) -> str:
        return f"Hello {name}"

    def greet_again(name: str) -> str:
        return f"Hello again {name}"

    greet_again.__name__ = "greet"
    with gr.Blocks() as demo:
        gr.api(count)
        gr.api(doubled, batch=True, max_batch_size=3)
        gr.api(backwards, queue=False)
        gr.api(hidden, api_name="secret", api_visibility="private")
        gr.api(hidden, api_name="unlisted", api_visibility="undocumented")
        gr.api(greet)
        gr.api(greet_again)
    client = Client(serve(demo), verbose=False)
    job = client.submit(3, api_name="/count")
    job.result()
    assert job.outputs() == ["0", "1", "2"]
    assert client.predict(4, api_name="/doubled") == 8
    assert client.predict("abc", api_name="/backwards") == "cba"
    assert client.predict("x", api_name="/unlisted") == "x"
    assert client.predict("Ann", api_name="/greet_1") == "Hello again Ann"
    listed = client.view_api(return_format="dict", print_info=False)["named_endpoints"]
    assert sorted(listed) == ["/backwards", "/count", "/doubled", "/greet", "/greet_1"]
    with pytest.raises(ValueError):
        client.predict("x", api_name="/secret")
