"""The official gradio_client against a live limelight server on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

import limelight as gr

gradio_client = pytest.importorskip("gradio_client")
from gradio_client import Client  # noqa: E402
from gradio_client.exceptions import AppError  # noqa: E402

pytestmark = pytest.mark.compat

Serve = Callable[..., str]


def hello_app() -> gr.Interface:
    def greet(name: str, times: int) -> str:
        return " ".join(["Hello " + name + "!"] * int(times))

    return gr.Interface(greet, inputs=["text", gr.Slider(1, 5, step=1)], outputs="text")


def words_app() -> gr.Blocks:
    def count(text: str):
        shown = ""
        for word in text.split():
            shown = f"{shown} {word}".strip()
            yield shown

    def fail(text: str) -> str:
        raise gr.Error(f"Bad input: {text}")

    def crash(text: str) -> str:
        raise ValueError("internal boom")

    def remember(word: str, seen: list[str]) -> tuple[str, list[str]]:
        seen = [*seen, word]
        return f"{word} seen {len(seen)} times", seen

    with gr.Blocks() as demo:
        text = gr.Textbox(label="Text")
        out = gr.Textbox(label="Out")
        history = gr.State([])
        gr.Button("count").click(count, text, out, api_name="count")
        gr.Button("fail").click(fail, text, out, api_name="fail")
        gr.Button("crash").click(crash, text, out, api_name="crash")
        gr.Button("remember").click(remember, [text, history], [out, history])
        gr.Button("hidden").click(str.upper, text, out, api_name="hidden", show_api=False)
        gr.Button("private").click(str.lower, text, out, api_name=False)
    return demo


def test_interface_predict_and_view_api(serve: Serve) -> None:
    client = Client(serve(hello_app()), verbose=False)
    assert client.predict("World", 2, api_name="/greet") == "Hello World! Hello World!"
    assert client.predict(name="Kw", times=1, api_name="/greet") == "Hello Kw!"
    api = client.view_api(print_info=False, return_format="dict")
    params = api["named_endpoints"]["/greet"]["parameters"]
    assert [p["parameter_name"] for p in params] == ["name", "times"]
    assert [p["component"] for p in params] == ["Textbox", "Slider"]


def test_generator_streams_each_value(serve: Serve) -> None:
    client = Client(serve(words_app()), verbose=False)
    job = client.submit("a b c", api_name="/count")
    assert list(job) == ["a", "a b", "a b c"]
    assert job.result() == "a b c"


def test_gr_error_reaches_client_as_app_error(serve: Serve) -> None:
    client = Client(serve(words_app()), verbose=False)
    with pytest.raises(AppError, match="Bad input: x"):
        client.predict("x", api_name="/fail")


@pytest.mark.parametrize("show_error", [False, True])
def test_other_exceptions_hidden_unless_show_error(serve: Serve, show_error: bool) -> None:
    client = Client(serve(words_app(), show_error=show_error), verbose=False)
    with pytest.raises(AppError) as raised:
        client.predict("x", api_name="/crash")
    assert ("internal boom" in str(raised.value)) is show_error


def test_state_is_kept_per_client_session(serve: Serve) -> None:
    url = serve(words_app())
    first, second = Client(url, verbose=False), Client(url, verbose=False)
    assert first.predict("x", api_name="/remember") == "x seen 1 times"
    assert first.predict("y", api_name="/remember") == "y seen 2 times"
    assert second.predict("z", api_name="/remember") == "z seen 1 times"


def test_visibility_of_endpoints(serve: Serve) -> None:
    client = Client(serve(words_app()), verbose=False)
    named = client.view_api(print_info=False, return_format="dict")["named_endpoints"]
    assert "/hidden" not in named and "/private" not in named
    assert client.predict("ab", api_name="/hidden") == "AB"
    with pytest.raises(Exception, match=r"(?i)invalid|cannot find|not found"):
        client.predict("AB", api_name="/private")


def test_blocks_calculator_runs_unchanged(serve: Serve) -> None:
    def calculate(a: float, operation: str, b: float) -> float:
        if operation == "divide" and b == 0:
            raise gr.Error("Cannot divide by zero!")
        ops: dict[str, Any] = {
            "add": a + b,
            "subtract": a - b,
            "multiply": a * b,
            "divide": a / b if b else 0,
        }
        return ops[operation]

    with gr.Blocks() as demo:
        with gr.Row():
            a = gr.Number(label="a")
            op = gr.Radio(["add", "subtract", "multiply", "divide"], label="operation")
            b = gr.Number(label="b")
        result = gr.Number(label="result")
        gr.Button("=").click(calculate, [a, op, b], result, api_name="calculate")
    client = Client(serve(demo), verbose=False)
    assert client.predict(4, "multiply", 5, api_name="/calculate") == 20
    with pytest.raises(AppError, match="divide by zero"):
        client.predict(1, "divide", 0, api_name="/calculate")


def test_client_logs_in_to_an_app_behind_auth(serve: Serve) -> None:
    from gradio_client.exceptions import AuthenticationError

    def whoami(text: str, request: gr.Request) -> str:
        return f"{request.username}: {text}"

    with gr.Blocks() as demo:
        box = gr.Textbox()
        box.submit(whoami, box, box, api_name="whoami")
    url = serve(demo, auth=[("ada", "lovelace")])
    client = Client(url, auth=("ada", "lovelace"), verbose=False)
    assert client.predict("hi", api_name="/whoami") == "ada: hi"
    with pytest.raises(AuthenticationError):
        Client(url, verbose=False)
    with pytest.raises(ValueError, match="login"):
        Client(url, auth=("ada", "wrong"), verbose=False)
