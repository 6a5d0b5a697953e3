"""Errors: from functions (docs/security.md #33) and from malformed requests (#32, #18).

A bad request gets a 4xx naming the problem, never a 500, and the server keeps serving.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import anyio
import httpx
import pytest

import limelight as gr
from limelight.server.services import ServerSettings
from tests.support import asgi_client, completion, join, kinds, read_session, run_event

WAIT = 5.0
JOIN = "/gradio_api/queue/join"


class Fatal(BaseException):
    """Not an ``Exception``: what a ``KeyboardInterrupt``-like failure looks like."""


def _app() -> gr.Blocks:
    def echo(text: str, age: float) -> str:
        return f"{text} {age}"

    def boom(text: str) -> str:
        raise ValueError("internal boom")

    def refuse(text: str) -> str:
        raise gr.Error(f"Bad input: {text}", duration=3, title="Nope")

    def quiet(text: str) -> str:
        raise gr.Error("quiet", print_exception=False)

    def fails_mid_stream(text: str) -> Iterator[str]:
        yield "partial"
        raise gr.Error("mid-stream failure")

    def fatal(text: str) -> str:
        raise Fatal("fatal")

    with gr.Blocks() as demo:
        text = gr.Textbox(label="Text")
        age = gr.Number(label="Age", minimum=0)
        out = gr.Textbox()
        btn = gr.Button()
        btn.click(echo, [text, age], out, api_name="echo")  # 0
        btn.click(boom, text, out, concurrency_limit=1)  # 1
        btn.click(refuse, text, out)  # 2
        btn.click(quiet, text, out)  # 3
        btn.click(fails_mid_stream, text, out)  # 4
        btn.click(fatal, text, out, concurrency_limit=1)  # 5
        btn.click(None, text, out, js="(x) => x")  # 6
    return demo


async def _still_works(client: httpx.AsyncClient) -> None:
    messages = await run_event(client, 0, ["ok", 1], "after")
    assert completion(messages)["output"]["data"] == ["ok 1"]


@pytest.mark.anyio
async def test_gr_error_message_is_shown() -> None:
    async with asgi_client(_app()) as client:
        messages = await run_event(client, 2, ["x"])
    completed = completion(messages)
    assert completed["success"] is False
    assert completed["title"] == "Nope"
    assert completed["output"] == {
        "error": "Bad input: x",
        "duration": 3,
        "visible": True,
        "title": "Nope",
    }
    assert kinds(messages)[-1] == "close_stream"


@pytest.mark.anyio
async def test_plain_exception_is_hidden_by_default(caplog: pytest.LogCaptureFixture) -> None:
    async with asgi_client(_app()) as client:
        messages = await run_event(client, 1, ["x"])
    completed = completion(messages)
    assert completed["success"] is False
    assert completed["output"] == {"error": None}
    assert "internal boom" not in json.dumps(messages)
    assert "Traceback" not in json.dumps(messages)
    assert "internal boom" in caplog.text


@pytest.mark.anyio
async def test_plain_exception_shown_with_show_error() -> None:
    async with asgi_client(_app(), ServerSettings(show_error=True)) as client:
        messages = await run_event(client, 1, ["x"])
    assert completion(messages)["output"] == {"error": "internal boom", "visible": True}


@pytest.mark.anyio
async def test_app_show_error_also_shows() -> None:
    demo = _app()
    demo.show_error = True
    async with asgi_client(demo) as client:
        messages = await run_event(client, 1, ["x"])
    assert completion(messages)["output"]["error"] == "internal boom"


@pytest.mark.anyio
async def test_gr_error_without_print_exception_is_not_logged(
    caplog: pytest.LogCaptureFixture,
) -> None:
    async with asgi_client(_app()) as client:
        messages = await run_event(client, 3, ["x"])
    assert completion(messages)["output"]["error"] == "quiet"
    assert "quiet" not in caplog.text


@pytest.mark.anyio
async def test_error_after_a_yield() -> None:
    async with asgi_client(_app()) as client:
        messages = await run_event(client, 4, ["x"])
    assert kinds(messages) == [
        "estimation",
        "process_starts",
        "process_generating",
        "process_completed",
        "close_stream",
    ]
    assert messages[2]["output"]["data"] == ["partial"]
    completed = completion(messages)
    assert completed["success"] is False
    assert completed["output"]["error"] == "mid-stream failure"


@pytest.mark.anyio
async def test_a_failing_function_frees_its_slot() -> None:
    async with asgi_client(_app()) as client:
        for session in ("one", "two", "three"):
            await join(client, 1, ["x"], session)
        with anyio.fail_after(WAIT):
            streams = [await read_session(client, s) for s in ("one", "two", "three")]
    for messages in streams:
        assert completion(messages)["success"] is False


@pytest.mark.anyio
async def test_base_exception_is_reported_and_frees_the_slot() -> None:
    async with asgi_client(_app(), ServerSettings(heartbeat_interval=1.0)) as client:
        await join(client, 5, ["x"], "fatal")
        await join(client, 5, ["x"], "fatal")
        with anyio.fail_after(WAIT):
            messages = await read_session(client, "fatal")
        completed = [m for m in messages if m["msg"] == "process_completed"]
        assert [m["success"] for m in completed] == [False, False]
        await _still_works(client)


BAD_REQUESTS: list[tuple[str, dict[str, Any], int, str]] = [
    (
        "malformed json",
        {"content": b'{"data": [', "headers": {"content-type": "application/json"}},
        400,
        "Malformed JSON",
    ),
    (
        "not utf-8",
        {"content": b'{"data": ["\xff\xfe"]}', "headers": {"content-type": "application/json"}},
        400,
        "Malformed JSON",
    ),
    (
        "empty body",
        {"content": b"", "headers": {"content-type": "application/json"}},
        400,
        "Malformed JSON",
    ),
    (
        "text/plain",
        {
            "content": json.dumps({"data": ["a", 1], "fn_index": 0, "session_hash": "s"}),
            "headers": {"content-type": "text/plain"},
        },
        415,
        "application/json",
    ),
    (
        "form",
        {"data": {"data": "x", "fn_index": "0", "session_hash": "s"}},
        415,
        "application/json",
    ),
    ("unknown fn_index", {"json": {"data": [], "fn_index": 99, "session_hash": "s"}}, 422, "99"),
    ("negative fn_index", {"json": {"data": [], "fn_index": -1, "session_hash": "s"}}, 422, "-1"),
    ("missing fn_index", {"json": {"data": ["a", 1], "session_hash": "s"}}, 422, "fn_index"),
    (
        "fn_index text",
        {"json": {"data": [], "fn_index": "x", "session_hash": "s"}},
        422,
        "fn_index",
    ),
    ("js-only event", {"json": {"data": ["a"], "fn_index": 6, "session_hash": "s"}}, 422, "6"),
    (
        "wrong arity",
        {"json": {"data": ["a"], "fn_index": 0, "session_hash": "s"}},
        422,
        "Expected 2",
    ),
    (
        "too many values",
        {"json": {"data": ["a", 1, 2], "fn_index": 0, "session_hash": "s"}},
        422,
        "got 3",
    ),
    (
        "wrong type",
        {"json": {"data": ["a", "old"], "fn_index": 0, "session_hash": "s"}},
        422,
        "Invalid value for 'Age'",
    ),
    (
        "out of range",
        {"json": {"data": ["a", -3], "fn_index": 0, "session_hash": "s"}},
        422,
        "less than minimum",
    ),
    (
        "container for text",
        {"json": {"data": [{"a": 1}, 1], "fn_index": 0, "session_hash": "s"}},
        422,
        "Invalid value for 'Text'",
    ),
    ("missing session_hash", {"json": {"data": ["a", 1], "fn_index": 0}}, 422, "session_hash"),
    ("data not a list", {"json": {"data": "a", "fn_index": 0, "session_hash": "s"}}, 422, "data"),
    ("missing data", {"json": {"fn_index": 0, "session_hash": "s"}}, 422, "data"),
    ("body is a list", {"json": [1, 2]}, 422, "body"),
]


@pytest.mark.anyio
@pytest.mark.parametrize(
    ("request_args", "status", "detail"),
    [case[1:] for case in BAD_REQUESTS],
    ids=[case[0] for case in BAD_REQUESTS],
)
async def test_bad_join_is_refused_clearly_and_the_server_goes_on(
    request_args: dict[str, Any], status: int, detail: str
) -> None:
    async with asgi_client(_app()) as client:
        response = await client.post(JOIN, **request_args)
        assert response.status_code == status, response.text
        assert detail in response.json()["detail"]
        await _still_works(client)


@pytest.mark.anyio
async def test_extra_fields_are_ignored() -> None:
    async with asgi_client(_app()) as client:
        response = await client.post(
            JOIN,
            json={"data": ["a", 1], "fn_index": 0, "session_hash": "x", "surprise": True},
        )
        assert response.status_code == 200
        assert completion(await read_session(client, "x"))["output"]["data"] == ["a 1"]


@pytest.mark.anyio
async def test_refused_join_runs_nothing() -> None:
    calls: list[str] = []
    with gr.Blocks() as demo:
        number = gr.Number()
        gr.Button().click(lambda n: calls.append("ran"), number, None)
    async with asgi_client(demo) as client:
        response = await client.post(
            JOIN, json={"data": ["nan"], "fn_index": 0, "session_hash": "s"}
        )
        assert response.status_code == 422
        messages = await read_session(client, "s")
    assert calls == []
    assert messages[0]["msg"] == "unexpected_error"


@pytest.mark.anyio
async def test_stream_without_session_hash_is_422() -> None:
    async with asgi_client(_app()) as client:
        response = await client.get("/gradio_api/queue/data")
    assert response.status_code == 422
    assert "session_hash" in response.json()["detail"]


@pytest.mark.anyio
async def test_run_with_text_plain_is_not_executed() -> None:
    calls: list[str] = []
    with gr.Blocks() as demo:
        box = gr.Textbox()
        gr.Button().click(lambda t: calls.append(t), box, None, api_name="predict")
    async with asgi_client(demo) as client:
        response = await client.post(
            "/gradio_api/run/predict",
            content=json.dumps({"data": ["x"]}),
            headers={"content-type": "text/plain"},
        )
    assert response.status_code == 415
    assert calls == []


@pytest.mark.anyio
async def test_oversized_body_is_413() -> None:
    async with asgi_client(_app()) as client:
        response = await client.post(
            JOIN,
            content=b"{}",
            headers={"content-type": "application/json", "content-length": str(10**9)},
        )
    assert response.status_code == 413


@pytest.mark.anyio
async def test_deeply_nested_json_is_refused_without_a_500() -> None:
    body = b'{"data": [' + b"[" * 100_000 + b"]" * 100_000 + b'], "fn_index": 0}'
    async with asgi_client(_app()) as client:
        response = await client.post(
            JOIN, content=body, headers={"content-type": "application/json"}
        )
        assert response.status_code in (400, 413, 422)
        await _still_works(client)


@pytest.mark.anyio
async def test_cancel_and_reset_refuse_bad_bodies() -> None:
    async with asgi_client(_app()) as client:
        cancel = await client.post("/gradio_api/cancel", json={"fn_index": 0})
        reset = await client.post(
            "/gradio_api/reset", content=b"nope", headers={"content-type": "application/json"}
        )
    assert cancel.status_code == 422
    assert "session_hash" in cancel.json()["detail"]
    assert reset.status_code == 400


@pytest.mark.anyio
async def test_unknown_route_is_404_json() -> None:
    async with asgi_client(_app()) as client:
        response = await client.get("/gradio_api/nothing-here")
    assert response.status_code == 404
