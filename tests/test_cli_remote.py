"""``limelight info URL`` and ``limelight call URL /endpoint ARGS...`` against a live app."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import limelight as gr
from limelight.cli import main
from tests.support import free_port

Serve = Callable[..., str]


def app() -> gr.Blocks:
    def greet(name: str, times: float = 1) -> str:
        return " ".join([f"Hello {name}!"] * int(times))

    def stats(values: list[float]) -> dict[str, float]:
        return {"sum": sum(values), "count": len(values)}

    def count(text: str) -> Any:
        yield from text.split()

    def fail(name: str) -> str:
        raise gr.Error(f"no {name}")

    def size(path: str) -> float:
        return Path(path).stat().st_size

    with gr.Blocks() as demo:
        name = gr.Textbox(label="Name")
        times = gr.Number(1, label="Times")
        out = gr.Textbox()
        values = gr.JSON()
        result = gr.JSON()
        file = gr.File(type="filepath")
        gr.Button().click(greet, [name, times], out, api_name="greet")
        gr.Button().click(stats, values, result, api_name="stats")
        gr.Button().click(fail, name, out, api_name="fail")
        gr.Button().click(count, name, out, api_name="count")
        gr.Button().click(size, file, gr.Number(), api_name="size")
    return demo


def test_info_lists_endpoints_and_parameters(
    serve: Serve, capsys: pytest.CaptureFixture[str]
) -> None:
    url = serve(app())
    assert main(["info", url]) == 0
    shown = capsys.readouterr().out
    assert 'api_name="/greet"' in shown and "times" in shown and "/stats" in shown
    assert main(["info", url, "--json"]) == 0
    assert "/greet" in json.loads(capsys.readouterr().out)["named_endpoints"]


def test_call_takes_plain_json_named_and_file_arguments(
    serve: Serve, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    url = serve(app())
    assert main(["call", url, "/greet", "Ann", "2"]) == 0
    assert capsys.readouterr().out == "Hello Ann! Hello Ann!\n"
    assert main(["call", url, "greet", "-k", "name=Bo"]) == 0
    assert capsys.readouterr().out == "Hello Bo!\n"
    assert main(["call", url, "/stats", "[1, 2, 3]"]) == 0
    assert json.loads(capsys.readouterr().out) == {"sum": 6, "count": 3}
    data = tmp_path / "data.bin"
    data.write_bytes(b"abcd")
    assert main(["call", url, "/size", f"@{data}"]) == 0
    assert capsys.readouterr().out == "4\n"


def test_call_errors_name_the_problem(serve: Serve, capsys: pytest.CaptureFixture[str]) -> None:
    url = serve(app())
    assert main(["call", url, "/nope", "x"]) == 2
    assert "/nope" in capsys.readouterr().err
    assert main(["call", url, "/fail", "cake"]) == 1
    assert "no cake" in capsys.readouterr().err
    with pytest.raises(SystemExit, match="could not reach"):
        main(["call", f"http://127.0.0.1:{free_port()}", "/greet", "x"])
    with pytest.raises(SystemExit, match="not a URL"):
        main(["info", "localhost:7860"])


def test_auth_logs_in_first(serve: Serve, capsys: pytest.CaptureFixture[str]) -> None:
    url = serve(app(), auth=("ann", "secret"))
    with pytest.raises(SystemExit, match="needs a login"):
        main(["call", url, "/greet", "x"])
    assert main(["call", url, "--auth", "ann:secret", "/greet", "Ann"]) == 0
    assert capsys.readouterr().out == "Hello Ann!\n"


def test_stream_prints_each_output(serve: Serve, capsys: pytest.CaptureFixture[str]) -> None:
    url = serve(app())
    assert main(["call", url, "/count", "one two three", "--stream"]) == 0
    assert capsys.readouterr().out == "one\ntwo\nthree\n"
    assert main(["call", url, "/count", "one two"]) == 0
    assert capsys.readouterr().out == "two\n"
