"""Endpoints for the server figures: a trivial function under the default concurrency
limit (``echo``) and without one (``echo_free``), an async function sleeping 1 s, and a
100-token generator. ``BENCH_UI`` names the library imported as ``gr``."""

import asyncio
import importlib
import os

gr = importlib.import_module(os.environ.get("BENCH_UI", "limelight"))

TOKENS = 100


def echo(text: str) -> str:
    return text


async def nap(text: str) -> str:
    await asyncio.sleep(1.0)
    return text


def tokens(text: str):
    shown = ""
    for i in range(TOKENS):
        shown += f" tok{i}"
        yield shown


with gr.Blocks() as demo:
    box = gr.Textbox(label="In")
    out = gr.Textbox(label="Out")
    gr.Button("echo").click(echo, box, out, api_name="echo")
    gr.Button("free").click(echo, box, out, api_name="echo_free", concurrency_limit=None)
    gr.Button("nap").click(nap, box, out, api_name="nap", concurrency_limit=None)
    gr.Button("tokens").click(tokens, box, out, api_name="tokens", concurrency_limit=None)

if __name__ == "__main__":
    demo.launch()
