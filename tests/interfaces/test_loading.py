"""``gr.load(url)``: a second local limelight app, served on a loopback port, loaded as a
``Blocks`` whose events run on it; Hugging Face names and their keywords are refused."""

from __future__ import annotations

import os
import subprocess
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import limelight as gr
from limelight.exceptions import NotSupportedError
from limelight.interfaces._remote import RemoteError, apply_diff
from tests.support import asgi_client, completion, free_port, kinds, run_event


def _remote_app() -> gr.Blocks:
    with gr.Blocks(title="Remote") as demo:
        words = gr.Textbox(label="words")
        loud = gr.Textbox(label="loud")
        count = gr.Number(label="count")
        clicks = gr.State(0)
        with gr.Row():
            shout = gr.Button("Shout")
            tick = gr.Button("Tick")
            fail = gr.Button("Fail")
        shout.click(lambda t: t.upper(), words, loud, api_name="shout").then(
            lambda t: len(t), loud, count, api_name="measure"
        )

        def counting(t: str) -> Iterator[str]:
            for i in range(1, 4):
                yield t * i

        words.submit(counting, words, loud, api_name="repeat")

        def clicked(n: int) -> tuple[int, int]:
            return n + 1, n + 1

        tick.click(clicked, clicks, [clicks, count], api_name="tick")

        def broken() -> str:
            raise gr.Error("remote says no")

        fail.click(broken, None, loud, api_name="fail")
    return demo


@pytest.fixture
def remote(serve: Callable[..., str]) -> str:
    return serve(_remote_app())


def _fn_index(demo: gr.Blocks, api_name: str) -> int:
    return next(dep.id for dep in demo.fns if dep.api_name == api_name)


def test_the_loaded_app_draws_the_same_components(remote: str) -> None:
    loaded = gr.load(remote)
    assert loaded.title == "Remote"
    labels = {getattr(block, "label", None) for block in loaded.walk()}
    assert {"words", "loud", "count"} <= labels
    assert any(isinstance(block, gr.Row) for block in loaded.walk())
    assert {dep.api_name for dep in loaded.fns} >= {"shout", "measure", "repeat", "tick", "fail"}


@pytest.mark.anyio
async def test_events_run_on_the_remote_app(remote: str) -> None:
    loaded = gr.load(remote)
    async with asgi_client(loaded) as client:
        shouted = await run_event(client, _fn_index(loaded, "shout"), ["hey"])
        assert completion(shouted)["output"]["data"] == ["HEY"]
        call = await client.post("/gradio_api/run/measure", json={"data": ["HEY"]})
        assert call.json()["data"] == [3]
        # The chain is the remote's: a click runs shout, then measure.
        chained = next(dep for dep in loaded.fns if dep.api_name == "measure")
        assert chained.trigger_after == _fn_index(loaded, "shout")


@pytest.mark.anyio
async def test_a_streamed_output_arrives_step_by_step(remote: str) -> None:
    loaded = gr.load(remote)
    async with asgi_client(loaded) as client:
        messages = await run_event(client, _fn_index(loaded, "repeat"), ["ab"])
    assert kinds(messages).count("process_generating") == 3
    assert completion(messages)["output"]["data"] == ["ababab"]


@pytest.mark.anyio
async def test_state_stays_in_the_remote_session(remote: str) -> None:
    loaded = gr.load(remote)
    tick = _fn_index(loaded, "tick")
    async with asgi_client(loaded) as client:
        first = await run_event(client, tick, [None], session_hash="one")
        second = await run_event(client, tick, [None], session_hash="one")
        other = await run_event(client, tick, [None], session_hash="two")
    assert completion(first)["output"]["data"][1] == 1
    assert completion(second)["output"]["data"][1] == 2
    assert completion(other)["output"]["data"][1] == 1


@pytest.mark.anyio
async def test_a_remote_error_is_the_callers_error(remote: str) -> None:
    loaded = gr.load(remote)
    async with asgi_client(loaded) as client:
        messages = await run_event(client, _fn_index(loaded, "fail"), [])
    done = completion(messages)
    assert done["success"] is False
    assert "remote says no" in done["output"]["error"]


def test_a_loaded_app_can_be_launched_and_called_with_gradio_client(
    remote: str, serve: Callable[..., str]
) -> None:
    gradio_client = pytest.importorskip("gradio_client")
    url = serve(gr.load(remote))
    client = gradio_client.Client(url, verbose=False)
    assert client.predict("quiet", api_name="/shout") == "QUIET"


@pytest.mark.anyio
async def test_loaded_inside_another_blocks(remote: str) -> None:
    with gr.Blocks() as outer:
        gr.Markdown("My page")
        gr.load(remote)
    assert any(getattr(block, "label", None) == "words" for block in outer.walk())
    async with asgi_client(outer) as client:
        call = await client.post("/gradio_api/run/shout", json={"data": ["in"]})
    assert call.json()["data"] == ["IN"]


def _files_app(folder: Path) -> gr.Blocks:
    def make() -> str:
        made = folder / "made.txt"
        made.write_text("from the remote app")
        return str(made)

    with gr.Blocks() as demo:
        document = gr.File(label="document")
        text = gr.Textbox(label="text")
        made = gr.File(label="made")
        read = gr.Button("Read")
        read.click(lambda path: Path(path).read_text(), document, text, api_name="read")
        gr.Button("Make").click(make, None, made, api_name="make")
    return demo


@pytest.mark.anyio
async def test_files_go_to_the_remote_app_and_come_back_from_it(
    serve: Callable[..., str], tmp_path: Path
) -> None:
    remote = serve(_files_app(tmp_path), allowed_paths=[str(tmp_path)])
    loaded = gr.load(remote)
    async with asgi_client(loaded) as client:
        uploaded = await client.post(
            "/gradio_api/upload", files={"files": ("notes.txt", b"my notes")}
        )
        local = uploaded.json()[0]
        payload = {"path": local, "orig_name": "notes.txt", "meta": {"_type": "gradio.FileData"}}
        read = await run_event(client, _fn_index(loaded, "read"), [payload])
        made = await run_event(client, _fn_index(loaded, "make"), [])
    assert completion(read)["output"]["data"] == ["my notes"]
    produced = completion(made)["output"]["data"][0]
    assert produced["url"].startswith(remote)
    assert urllib.request.urlopen(produced["url"]).read() == b"from the remote app"


@pytest.mark.anyio
async def test_a_file_the_caller_may_not_name_is_not_sent(
    serve: Callable[..., str], tmp_path: Path
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("do not send")
    loaded = gr.load(serve(_files_app(tmp_path / "made")))
    payload = {"path": str(secret), "meta": {"_type": "gradio.FileData"}}
    async with asgi_client(loaded) as client:
        messages = await run_event(client, _fn_index(loaded, "read"), [payload])
    done = completion(messages)
    assert done["success"] is False
    assert "not allowed" in done["output"]["error"]
    assert "do not send" not in str(messages)


@pytest.mark.parametrize(
    ("call", "says"),
    [
        (lambda: gr.load("models/gpt2"), "Hugging Face Hub"),
        (lambda: gr.load("spaces/abidlabs/en2fr"), "Hugging Face Hub"),
        (lambda: gr.load("gpt2", src="models"), "Hugging Face Hub"),
        (lambda: gr.load("http://127.0.0.1:1/", accept_token=True), "accept_token"),
        (lambda: gr.load("http://127.0.0.1:1/", provider="replicate"), "provider"),
        (lambda: gr.load("http://127.0.0.1:1/", examples=[["a"]]), "examples"),
    ],
)
def test_what_needs_the_hub_is_refused(call: Callable[[], Any], says: str) -> None:
    with pytest.raises(NotSupportedError, match=says):
        call()


def test_src_may_be_a_function_making_the_app() -> None:
    made: list[tuple[str, str | None, dict[str, Any]]] = []

    def make(name: str, token: str | None, **kwargs: Any) -> gr.Blocks:
        made.append((name, token, kwargs))
        return gr.Blocks()

    assert isinstance(gr.load("thing", src=make, token="t", extra=1), gr.Blocks)
    assert made == [("thing", "t", {"extra": 1})]


def test_an_app_that_is_not_running_is_a_clear_error() -> None:
    with pytest.raises(RemoteError, match="Could not reach"):
        gr.load(f"http://127.0.0.1:{free_port()}/")


def test_diffs_of_a_stream_are_applied() -> None:
    value = {"a": [1, 2], "text": "he"}
    edits = [["append", ["text"], "llo"], ["add", ["a", 0], 0], ["delete", ["a", 2], None]]
    assert apply_diff(value, edits) == {"a": [0, 1], "text": "hello"}
    assert apply_diff("x", [["replace", [], "y"]]) == "y"
    assert value == {"a": [1, 2], "text": "he"}


GRADIO_APP = """
import gradio as gr

def counting(t):
    for i in range(1, 4):
        yield t * i

with gr.Blocks(title="From Gradio") as demo:
    words = gr.Textbox(label="words")
    loud = gr.Textbox(label="loud")
    gr.Button("Shout").click(lambda t: t.upper(), words, loud, api_name="shout")
    words.submit(counting, words, loud, api_name="repeat")
demo.launch(server_name="127.0.0.1", server_port={port})
"""


@pytest.fixture
def gradio_app() -> Iterator[str]:
    """A Gradio app in a subprocess of the Python that ``LIMELIGHT_GRADIO_PYTHON`` names (a
    venv with Gradio installed; the test is skipped without it); gives its URL once served."""
    python = os.environ.get("LIMELIGHT_GRADIO_PYTHON")
    if not python:
        pytest.skip("LIMELIGHT_GRADIO_PYTHON (a Python with Gradio installed) is not set")
    port = free_port()
    env = {
        **os.environ,
        "GRADIO_ANALYTICS_ENABLED": "False",
        "HF_HUB_OFFLINE": "1",
        "HF_HUB_DISABLE_TELEMETRY": "1",
        "PYTHONUNBUFFERED": "1",
    }
    process = subprocess.Popen(
        [python, "-c", GRADIO_APP.format(port=port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env=env,
        text=True,
    )
    try:
        assert process.stdout is not None
        # Gradio prints its URL once it serves; the loop ends there or when it exits.
        for line in process.stdout:
            if "Running on local URL" in line:
                break
        assert process.poll() is None, "the Gradio app did not start"
        yield f"http://127.0.0.1:{port}/"
    finally:
        process.terminate()
        process.wait(timeout=30)


@pytest.mark.anyio
async def test_a_gradio_app_is_loaded_and_called(gradio_app: str) -> None:
    loaded = gr.load(gradio_app)
    assert loaded.title == "From Gradio"
    async with asgi_client(loaded) as client:
        shouted = await run_event(client, _fn_index(loaded, "shout"), ["hey"])
        streamed = await run_event(client, _fn_index(loaded, "repeat"), ["ab"])
    assert completion(shouted)["output"]["data"] == ["HEY"]
    assert kinds(streamed).count("process_generating") == 3
    assert completion(streamed)["output"]["data"] == ["ababab"]
