"""limelight.Client against a real Gradio app, run by Gradio's own Python in a subprocess on
a loopback port. ``GRADIO_PYTHON`` names that Python (default: ``.bench-venv-gradio``, the
benchmarks' Gradio environment); the tests are skipped where it does not exist."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from limelight.client import AppError, Client, handle_file
from tests.support import free_port

REPO = Path(__file__).resolve().parents[2]
GRADIO_PYTHON = Path(os.environ.get("GRADIO_PYTHON") or REPO / ".bench-venv-gradio/bin/python")

APP = textwrap.dedent(
    """
    import sys
    import gradio as gr

    def greet(name, times=1):
        return " ".join([f"Hello {name}!"] * int(times))

    def count(text):
        shown = ""
        for word in text.split():
            shown = f"{shown} {word}".strip()
            yield shown

    def remember(word, seen):
        seen = [*seen, word]
        return f"{word} seen {len(seen)} times", seen

    def fail(text):
        raise gr.Error("Bad input: " + text)

    def copy(path):
        return path

    with gr.Blocks() as demo:
        text = gr.Textbox()
        times = gr.Number(1, precision=0)
        out = gr.Textbox()
        history = gr.State([])
        gr.Button().click(greet, [text, times], out, api_name="greet")
        gr.Button().click(count, text, out, api_name="count")
        gr.Button().click(remember, [text, history], [out, history], api_name="remember")
        gr.Button().click(fail, text, out, api_name="fail")
        gr.Button().click(copy, gr.File(type="filepath"), gr.File(), api_name="copy")

    demo.launch(
        server_name="127.0.0.1", server_port=int(sys.argv[1]), quiet=True,
        prevent_thread_lock=True,
    )
    print("serving", flush=True)
    demo.block_thread()
    """
)


@pytest.fixture(scope="module")
def gradio_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if not GRADIO_PYTHON.exists():
        pytest.skip(f"no Gradio environment at {GRADIO_PYTHON} (set GRADIO_PYTHON)")
    script = tmp_path_factory.mktemp("gradio") / "app.py"
    script.write_text(APP)
    port = free_port()
    env = {
        **os.environ,
        "GRADIO_ANALYTICS_ENABLED": "False",
        "HF_HUB_DISABLE_TELEMETRY": "1",
        "HF_HUB_OFFLINE": "1",
    }
    process = subprocess.Popen(
        [str(GRADIO_PYTHON), str(script), str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=sys.stderr,
        text=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        # The script prints once launch() returns, which is once it serves.
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "serving"
        assert httpx.get(url + "/config").status_code == 200
        yield url
    finally:
        process.terminate()
        process.wait(10)


def test_predict_and_keywords_against_gradio(gradio_url: str) -> None:
    with Client(gradio_url) as client:
        assert client.predict("Ann", 2, api_name="/greet") == "Hello Ann! Hello Ann!"
        assert client.predict(name="Bo", api_name="/greet") == "Hello Bo!"


def test_generators_state_and_errors_against_gradio(gradio_url: str) -> None:
    with Client(gradio_url) as client:
        assert list(client.submit("a b c", api_name="/count")) == ["a", "a b", "a b c"]
        assert client.predict("x", api_name="/remember") == "x seen 1 times"
        assert client.predict("y", api_name="/remember") == "y seen 2 times"
        with pytest.raises(AppError, match="Bad input: z"):
            client.predict("z", api_name="/fail")


def test_files_go_up_and_come_back_from_gradio(gradio_url: str, tmp_path: Path) -> None:
    source = tmp_path / "notes.txt"
    source.write_bytes(b"gradio bytes")
    with Client(gradio_url, download_files=tmp_path / "out") as client:
        path = client.predict(handle_file(source), api_name="/copy")
    assert Path(path).read_bytes() == b"gradio bytes"
    assert Path(path).name == "notes.txt"
