"""The official gradio_client against a ChatInterface: predict, streaming submit, history."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

import limelight as gr

gradio_client = pytest.importorskip("gradio_client")
from gradio_client import Client  # noqa: E402

pytestmark = pytest.mark.compat

Serve = Callable[..., str]


def respond(message: str, history: list[dict[str, Any]], system: str, temperature: float):
    shown = ""
    for word in ["Hello", " there", f" [{system} {temperature} {len(history)}]"]:
        shown += word
        yield shown


def chat_app() -> gr.ChatInterface:
    return gr.ChatInterface(
        respond,
        additional_inputs=[
            gr.Textbox("sys", label="System prompt"),
            gr.Slider(0, 1, value=0.5, label="Temperature"),
        ],
    )


def test_view_api_matches_gradio(serve: Serve) -> None:
    client = Client(serve(chat_app()), verbose=False)
    info = client.view_api(return_format="dict", print_info=False)
    assert isinstance(info, dict)
    endpoint = info["named_endpoints"]["/respond"]
    names = [p["parameter_name"] for p in endpoint["parameters"]]
    assert names == ["message", "system", "temperature"]
    assert endpoint["parameters"][1]["parameter_default"] == "sys"
    assert endpoint["returns"][0]["label"] == "Response"


def test_predict_returns_the_reply_and_keeps_history(serve: Serve) -> None:
    client = Client(serve(chat_app()), verbose=False)
    assert client.predict("hi", api_name="/respond") == "Hello there [sys 0.5 0]"
    second = client.predict(message="again", system="pirate", temperature=0.1, api_name="/respond")
    assert second == "Hello there [pirate 0.1 2]"


def test_streaming_submit_yields_the_growing_reply(serve: Serve) -> None:
    client = Client(serve(chat_app()), verbose=False)
    job = client.submit("yo", api_name="/respond")
    assert list(job) == ["Hello", "Hello there", "Hello there [sys 0.5 0]"]
    assert job.result() == "Hello there [sys 0.5 0]"


def test_plain_function_and_custom_api_name(serve: Serve) -> None:
    demo = gr.ChatInterface(lambda message, history: message[::-1], api_name="chat")
    client = Client(serve(demo), verbose=False)
    assert client.predict("abc", api_name="/chat") == "cba"
