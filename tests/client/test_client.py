"""limelight.Client and AsyncClient against a live limelight server on 127.0.0.1."""

from __future__ import annotations

import asyncio
import concurrent.futures
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import limelight as gr
from limelight.client import AppError, AsyncClient, Client, Status, handle_file

Serve = Callable[..., str]


def words_app(release: threading.Event | None = None) -> gr.Blocks:
    def greet(name: str, times: int = 1) -> str:
        return " ".join([f"Hello {name}!"] * int(times))

    def count(text: str) -> Iterator[str]:
        shown = ""
        for word in text.split():
            shown = f"{shown} {word}".strip()
            yield shown

    def fail(text: str) -> str:
        raise gr.Error(f"Bad input: {text}")

    def remember(word: str, seen: list[str]) -> tuple[str, list[str]]:
        seen = [*seen, word]
        return f"{word} seen {len(seen)} times", seen

    def wait(text: str) -> Iterator[str]:
        yield "started"
        assert release is not None
        release.wait(10)
        yield text

    def clicked(label: str | None, text: str) -> str:
        return text.upper()

    def size(path: str) -> tuple[int, str]:
        return Path(path).stat().st_size, path

    with gr.Blocks() as demo:
        text = gr.Textbox(label="Text")
        times = gr.Number(1, label="Times", precision=0)
        out = gr.Textbox(label="Out")
        history = gr.State([])
        upload = gr.File(label="Upload", type="filepath")
        length = gr.Number(label="Length")
        gr.Button("greet").click(greet, [text, times], out, api_name="greet")
        gr.Button("count").click(count, text, out, api_name="count")
        gr.Button("fail").click(fail, text, out, api_name="fail")
        gr.Button("remember").click(remember, [text, history], [out, history], api_name="remember")
        gr.Button("wait").click(wait, text, out, api_name="wait")
        gr.Button("size").click(size, upload, [length, upload], api_name="size")
        button = gr.Button("label me")
        button.click(clicked, [button, text], out, api_name="clicked")
        gr.Button("quiet").click(str.upper, text, out, api_name="quiet", show_api=False)
    return demo


def test_predict_takes_positional_and_keyword_arguments(serve: Serve) -> None:
    with Client(serve(words_app()), verbose=False) as client:
        assert client.predict("Ann", 2, api_name="/greet") == "Hello Ann! Hello Ann!"
        assert client.predict(name="Bo", api_name="/greet") == "Hello Bo!"


def test_state_lives_on_across_calls_of_one_client(serve: Serve) -> None:
    with Client(serve(words_app()), verbose=False) as client:
        assert client.predict("a", api_name="/remember") == "a seen 1 times"
        assert client.predict("b", api_name="/remember") == "b seen 2 times"
        client.reset_session()
        assert client.predict("c", api_name="/remember") == "c seen 1 times"


def test_job_iterates_over_each_yield_and_gives_the_last_as_result(serve: Serve) -> None:
    with Client(serve(words_app()), verbose=False) as client:
        job = client.submit("one two three", api_name="/count")
        assert list(job) == ["one", "one two", "one two three"]
        assert job.result() == "one two three"
        assert job.status().code == Status.FINISHED


def test_an_app_error_raises_with_its_message(serve: Serve) -> None:
    with Client(serve(words_app())) as client, pytest.raises(AppError, match="Bad input: x"):
        client.predict("x", api_name="/fail")


def test_cancel_stops_a_running_job(serve: Serve) -> None:
    release = threading.Event()
    with Client(serve(words_app(release))) as client:
        job = client.submit("late", api_name="/wait")
        assert next(iter(job)) == "started"
        assert job.cancel()
        release.set()
        with pytest.raises(concurrent.futures.CancelledError):
            job.result()
        assert job.status().code == Status.CANCELLED


def test_files_are_uploaded_and_returned_files_downloaded(serve: Serve, tmp_path: Path) -> None:
    source = tmp_path / "data.txt"
    source.write_bytes(b"12345")
    with Client(serve(words_app()), download_files=tmp_path / "out") as client:
        length, path = client.predict(handle_file(source), api_name="/size")
    assert length == 5
    assert Path(path).read_bytes() == b"12345"
    assert Path(path).is_relative_to(tmp_path / "out")


def test_wrong_calls_fail_with_errors_that_name_the_problem(serve: Serve) -> None:
    with Client(serve(words_app()), verbose=False) as client:
        with pytest.raises(ValueError, match="/nope"):
            client.predict("x", api_name="/nope")
        with pytest.raises(TypeError, match="required argument: name"):
            client.predict(api_name="/greet")
        with pytest.raises(TypeError, match="no parameter"):
            client.predict("x", colour="red", api_name="/greet")
        with pytest.raises(ValueError, match="Times"):  # the server checks the payload
            client.predict("x", "many", api_name="/greet")


def test_an_unreachable_app_is_a_connection_error() -> None:
    from tests.support import free_port

    with pytest.raises(ConnectionError, match="could not reach"):
        Client(f"http://127.0.0.1:{free_port()}")
    with pytest.raises(ValueError, match="not a URL"):
        Client("user/space")


def test_view_api_describes_each_endpoint(serve: Serve) -> None:
    with Client(serve(words_app()), verbose=False) as client:
        text = client.view_api(print_info=False, return_format="str")
        info = client.view_api(print_info=False, return_format="dict")
    assert isinstance(text, str) and 'api_name="/greet"' in text and "times" in text
    assert isinstance(info, dict) and "/count" in info["named_endpoints"]


def test_async_client_runs_calls_concurrently_in_one_session(serve: Serve) -> None:
    url = serve(words_app())

    async def main() -> list[Any]:
        async with AsyncClient(url) as client:
            jobs = [await client.submit(f"w{i}", api_name="/remember") for i in range(5)]
            results = [await job for job in jobs]
            outputs = [item async for item in await client.submit("a b", api_name="/count")]
            return [*results, outputs]

    *results, outputs = asyncio.run(main())
    assert sorted(r.split(" seen")[0] for r in results) == [f"w{i}" for i in range(5)]
    assert outputs == ["a", "a b"]


def test_result_callbacks_get_the_result(serve: Serve) -> None:
    got: list[str] = []
    called = threading.Event()

    def keep(value: str) -> None:
        got.append(value)
        called.set()

    with Client(serve(words_app()), verbose=False) as client:
        job = client.submit("Cy", api_name="/greet", result_callbacks=keep)
        assert job.result() == "Hello Cy!"
        assert called.wait(5)
    assert got == ["Hello Cy!"]


def test_an_app_behind_a_login_needs_auth(serve: Serve) -> None:
    url = serve(words_app(), auth=("ann", "secret"))
    with pytest.raises(ValueError, match="needs a login"):
        Client(url)
    with Client(url, auth=("ann", "secret")) as client:
        assert client.predict("Ann", api_name="/greet") == "Hello Ann!"


def test_undocumented_endpoints_are_callable_by_name_but_not_shown(serve: Serve) -> None:
    with Client(serve(words_app()), verbose=False) as client:
        assert client.predict("abc", api_name="/quiet") == "ABC"
        info = client.view_api(print_info=False, return_format="dict")
    assert isinstance(info, dict) and "/quiet" not in info["named_endpoints"]


def test_verbose_says_where_it_connected(serve: Serve, capsys: pytest.CaptureFixture[str]) -> None:
    url = serve(words_app())
    Client(url).close()
    assert capsys.readouterr().out == f"Loaded as API: {url.rstrip('/')}/ ✔\n"
    Client(url, verbose=False).close()
    assert capsys.readouterr().out == ""


def test_closing_the_client_ends_its_running_jobs(serve: Serve) -> None:
    release = threading.Event()
    client = Client(serve(words_app(release)), verbose=False)
    job = client.submit("late", api_name="/wait")
    assert next(iter(job)) == "started"
    client.close()
    release.set()
    with pytest.raises(ConnectionError, match="closed"):
        job.result()


def test_a_button_input_is_no_parameter_and_keeps_its_place(serve: Serve) -> None:
    with Client(serve(words_app()), verbose=False) as client:
        assert client.predict("hi", api_name="/clicked") == "HI"
