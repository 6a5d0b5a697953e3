"""The queue protocol's messages: their order and exact fields (docs/protocol.md §3-4).

``gradio_client`` and the browser read these field names; a change here breaks them.
"""

from __future__ import annotations

import re
import threading
from collections.abc import AsyncIterator, Iterator
from typing import Any

import anyio
import pytest

import limelight as gr
from limelight.app.diff import apply_edits
from limelight.protocol import (
    CloseStreamMessage,
    EstimationMessage,
    LogMessage,
    ProcessCompletedMessage,
    ProcessGeneratingMessage,
    ProcessStartsMessage,
    UnexpectedErrorMessage,
)
from tests.support import (
    asgi_app_and_client,
    asgi_client,
    completion,
    get_until_disconnect,
    join,
    kinds,
    read_session,
    run_event,
    sse_messages,
)

OUTPUT_FIELDS = {
    "data",
    "is_generating",
    "duration",
    "average_duration",
    "render_config",
    "changed_state_ids",
    "used_cache",
}
MODELS: dict[str, Any] = {
    "estimation": EstimationMessage,
    "process_starts": ProcessStartsMessage,
    "process_generating": ProcessGeneratingMessage,
    "process_completed": ProcessCompletedMessage,
    "log": LogMessage,
    "close_stream": CloseStreamMessage,
    "unexpected_error": UnexpectedErrorMessage,
}


def _fields_match_the_wire_models(messages: list[dict[str, Any]]) -> None:
    for message in messages:
        model = MODELS[message["msg"]]
        model.model_validate(message)
        assert set(message) == set(model.model_fields), message


def _echo_app() -> gr.Blocks:
    def greet(name: str) -> str:
        return f"Hello {name}!"

    with gr.Blocks() as demo:
        box = gr.Textbox()
        out = gr.Textbox()
        gr.Button().click(greet, box, out)
    return demo


@pytest.mark.anyio
async def test_simple_call_message_order_and_fields() -> None:
    async with asgi_client(_echo_app()) as client:
        joined = await client.post(
            "/gradio_api/queue/join",
            json={"data": ["World"], "fn_index": 0, "session_hash": "abc"},
        )
        event_id = joined.json()["event_id"]
        stream = await client.get("/gradio_api/queue/data", params={"session_hash": "abc"})
    assert joined.status_code == 200
    assert set(joined.json()) == {"event_id"}
    assert re.fullmatch(r"[0-9a-f]{32}", event_id)
    assert stream.headers["content-type"].startswith("text/event-stream")
    assert stream.headers["cache-control"] == "no-cache"
    messages = sse_messages(stream.text)
    assert kinds(messages) == ["estimation", "process_starts", "process_completed", "close_stream"]
    estimation, starts, completed, close = messages
    assert estimation == {
        "msg": "estimation",
        "event_id": event_id,
        "rank": 0,
        "queue_size": 1,
        "rank_eta": None,
    }
    assert starts == {"msg": "process_starts", "event_id": event_id, "eta": None}
    assert set(completed) == {
        "msg",
        "event_id",
        "output",
        "success",
        "title",
        "used_cache",
        "cache_duration",
        "avg_time",
    }
    assert completed["event_id"] == event_id
    assert completed["success"] is True
    assert set(completed["output"]) == OUTPUT_FIELDS
    assert completed["output"]["data"] == ["Hello World!"]
    assert completed["output"]["is_generating"] is False
    assert completed["output"]["changed_state_ids"] == []
    assert isinstance(completed["output"]["duration"], float)
    assert close == {"msg": "close_stream", "event_id": None}
    _fields_match_the_wire_models(messages)


@pytest.mark.anyio
async def test_generator_sends_full_value_then_diffs() -> None:
    def count(n: float) -> Iterator[str]:
        for i in range(int(n)):
            yield f"step {i}"

    with gr.Blocks() as demo:
        number = gr.Number()
        out = gr.Textbox()
        gr.Button().click(count, number, out)
    async with asgi_client(demo) as client:
        messages = await run_event(client, 0, [4])
    assert kinds(messages) == [
        "estimation",
        "process_starts",
        *["process_generating"] * 4,
        "process_completed",
        "close_stream",
    ]
    generating = [m for m in messages if m["msg"] == "process_generating"]
    assert generating[0]["output"]["data"] == ["step 0"]
    assert [m["output"]["data"] for m in generating[1:]] == [
        [[["replace", [], "step 1"]]],
        [[["replace", [], "step 2"]]],
        [[["replace", [], "step 3"]]],
    ]
    for message in generating:
        assert message["output"]["is_generating"] is True
        assert message["success"] is True
        assert message["time_limit"] is None
        assert set(message["output"]) == OUTPUT_FIELDS
    assert completion(messages)["output"]["data"] == ["step 3"]
    _fields_match_the_wire_models(messages)


@pytest.mark.anyio
async def test_streamed_chat_message_diffs_append_tokens() -> None:
    def chat() -> Iterator[list[dict[str, str]]]:
        reply = ""
        for token in ["Hel", "lo", " there"]:
            reply += token
            yield [{"role": "user", "content": "hi"}, {"role": "assistant", "content": reply}]

    with gr.Blocks() as demo:
        out = gr.JSON()
        gr.Button().click(chat, None, out)
    async with asgi_client(demo) as client:
        messages = await run_event(client, 0, [])
    generating = [m["output"]["data"][0] for m in messages if m["msg"] == "process_generating"]
    assert generating[1:] == [
        [["append", [1, "content"], "lo"]],
        [["append", [1, "content"], " there"]],
    ]
    value = generating[0]
    for edits in generating[1:]:
        value = apply_edits(value, edits)
    assert value == completion(messages)["output"]["data"][0]


@pytest.mark.anyio
async def test_a_chat_history_streamed_in_place_sends_only_what_changed() -> None:
    def chat(history: list[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
        history.append({"role": "assistant", "content": "", "metadata": {"status": "pending"}})
        for token in ["Hel", "lo"]:
            history[-1]["content"] += token
            yield history
        history[-1]["metadata"]["status"] = "done"
        history[0]["content"] = "edited"
        yield history

    earlier = [{"role": "user", "content": f"q{i}"} for i in range(50)]
    with gr.Blocks() as demo:
        bot = gr.Chatbot(earlier)
        gr.Button().click(chat, bot, bot)
    async with asgi_client(demo) as client:
        messages = await run_event(
            client, 0, [[{"role": "user", "content": f"q{i}"} for i in range(50)]]
        )
    generating = [m["output"]["data"][0] for m in messages if m["msg"] == "process_generating"]
    assert generating[1] == [["append", [50, "content", 0, "text"], "lo"]]
    assert [edit[1] for edit in generating[2]] == [
        [0, "content", 0, "text"],
        [50, "metadata", "status"],
    ]
    value = generating[0]
    for edits in generating[1:]:
        value = apply_edits(value, edits)
    final = completion(messages)["output"]["data"][0]
    assert value == final
    assert final[0]["content"][0]["text"] == "edited"
    assert final[50]["metadata"]["status"] == "done"


@pytest.mark.anyio
async def test_async_generator_streams_too() -> None:
    async def count() -> AsyncIterator[str]:
        for word in ["a", "ab"]:
            yield word

    with gr.Blocks() as demo:
        out = gr.Textbox()
        gr.Button().click(count, None, out)
    async with asgi_client(demo) as client:
        messages = await run_event(client, 0, [])
    generating = [m["output"]["data"] for m in messages if m["msg"] == "process_generating"]
    assert generating == [["a"], [[["append", [], "b"]]]]
    assert completion(messages)["output"]["data"] == ["ab"]


@pytest.mark.anyio
async def test_generator_that_yields_nothing_completes_with_nulls() -> None:
    def nothing() -> Iterator[str]:
        yield from ()

    with gr.Blocks() as demo:
        out = gr.Textbox()
        gr.Button().click(nothing, None, out)
    async with asgi_client(demo) as client:
        messages = await run_event(client, 0, [])
    assert kinds(messages)[-2:] == ["process_completed", "close_stream"]
    assert completion(messages)["output"]["data"] == [None]


@pytest.mark.anyio
async def test_unknown_session_gets_session_not_found() -> None:
    async with asgi_client(_echo_app()) as client:
        messages = await read_session(client, "nobody")
    assert messages == [
        {
            "msg": "unexpected_error",
            "event_id": None,
            "message": "404: Not Found",
            "session_not_found": True,
            "success": False,
        }
    ]


@pytest.mark.anyio
async def test_one_stream_carries_every_event_of_the_session() -> None:
    async with asgi_client(_echo_app()) as client:
        first = await join(client, 0, ["a"], "shared")
        second = await join(client, 0, ["b"], "shared")
        messages = await read_session(client, "shared")
    assert kinds(messages).count("close_stream") == 1
    assert messages[-1]["msg"] == "close_stream"
    assert completion(messages, first)["output"]["data"] == ["Hello a!"]
    assert completion(messages, second)["output"]["data"] == ["Hello b!"]


@pytest.mark.anyio
async def test_stream_reopens_for_a_later_event() -> None:
    async with asgi_client(_echo_app()) as client:
        await run_event(client, 0, ["a"], "again")
        messages = await run_event(client, 0, ["b"], "again")
    assert completion(messages)["output"]["data"] == ["Hello b!"]


@pytest.mark.anyio
async def test_average_duration_is_reported() -> None:
    async with asgi_client(_echo_app()) as client:
        await run_event(client, 0, ["a"])
        completed = completion(await run_event(client, 0, ["b"]))
    assert completed["avg_time"] == completed["output"]["average_duration"]
    assert completed["avg_time"] >= 0


@pytest.mark.anyio
async def test_info_and_warning_arrive_as_log_messages() -> None:
    async def notify(text: str) -> str:
        gr.Info(f"info {text}")
        gr.Warning(f"warning {text}")
        gr.Success("done")
        return text

    with gr.Blocks() as demo:
        box = gr.Textbox()
        gr.Button().click(notify, box, box)
    async with asgi_client(demo) as client:
        messages = await run_event(client, 0, ["x"])
    logs = [m for m in messages if m["msg"] == "log"]
    assert [(m["log"], m["level"], m["title"]) for m in logs] == [
        ("info x", "info", "Info"),
        ("warning x", "warning", "Warning"),
        ("done", "success", "Success"),
    ]
    event_id = completion(messages)["event_id"]
    for message in logs:
        assert message["event_id"] == event_id
        assert message["duration"] == 10
        assert message["visible"] is True
    assert kinds(messages).index("process_completed") > max(
        i for i, m in enumerate(messages) if m["msg"] == "log"
    )
    _fields_match_the_wire_models(messages)


@pytest.mark.anyio
async def test_logs_from_a_sync_function_in_a_worker_thread() -> None:
    threads: list[str] = []

    def notify(text: str) -> str:
        threads.append(threading.current_thread().name)
        gr.Info("from a thread")
        gr.Warning("also from a thread")
        return text

    with gr.Blocks() as demo:
        box = gr.Textbox()
        gr.Button().click(notify, box, box)
    async with asgi_client(demo) as client:
        messages = await run_event(client, 0, ["x"])
    assert threads and threads[0] != threading.main_thread().name
    assert kinds(messages) == [
        "estimation",
        "process_starts",
        "log",
        "log",
        "process_completed",
        "close_stream",
    ]
    logs = [m["log"] for m in messages if m["msg"] == "log"]
    assert logs == ["from a thread", "also from a thread"]


@pytest.mark.anyio
async def test_logs_go_only_to_their_own_session() -> None:
    def notify(text: str) -> str:
        gr.Info(text)
        return text

    with gr.Blocks() as demo:
        box = gr.Textbox()
        gr.Button().click(notify, box, box)
    async with asgi_client(demo) as client:
        await join(client, 0, ["for a"], "a")
        await join(client, 0, ["for b"], "b")
        a = await read_session(client, "a")
        b = await read_session(client, "b")
    assert [m["log"] for m in a if m["msg"] == "log"] == ["for a"]
    assert [m["log"] for m in b if m["msg"] == "log"] == ["for b"]


@pytest.mark.anyio
async def test_multiple_outputs_and_no_outputs() -> None:
    with gr.Blocks() as demo:
        a = gr.Textbox()
        b = gr.Number()
        btn = gr.Button()
        btn.click(lambda: ("x", 2), None, [a, b])
        btn.click(lambda: None, None, None)
    async with asgi_client(demo) as client:
        two = completion(await run_event(client, 0, []))
        none = completion(await run_event(client, 1, []))
    assert two["output"]["data"] == ["x", 2]
    assert none["output"]["data"] == []


@pytest.mark.anyio
async def test_wrong_number_of_returned_values_is_an_error() -> None:
    with gr.Blocks() as demo:
        a = gr.Textbox()
        b = gr.Textbox()
        gr.Button().click(lambda: ("only one",), None, [a, b])
    async with asgi_client(demo) as client:
        completed = completion(await run_event(client, 0, []))
    assert completed["success"] is False


@pytest.mark.anyio
async def test_event_data_and_request_reach_the_function() -> None:
    seen: dict[str, Any] = {}

    def pick(choice: str, evt: gr.SelectData, request: gr.Request) -> str:
        seen.update(index=evt.index, value=evt.value, user_agent=request.headers.get("x-test"))
        seen["session"] = request.session_hash
        return choice

    with gr.Blocks() as demo:
        radio = gr.Radio(["a", "b"])
        radio.select(pick, radio, radio)
    async with asgi_client(demo) as client:
        joined = await client.post(
            "/gradio_api/queue/join",
            json={
                "data": ["b"],
                "fn_index": 0,
                "session_hash": "sel",
                "event_data": {"index": 1, "value": "b"},
                "trigger_id": radio.id,
            },
            headers={"x-test": "yes"},
        )
        assert joined.status_code == 200
        messages = await read_session(client, "sel")
    assert completion(messages)["success"] is True
    assert seen == {"index": 1, "value": "b", "user_agent": "yes", "session": "sel"}


@pytest.mark.anyio
async def test_heartbeat_says_alive_and_its_end_runs_unload() -> None:
    unloaded = threading.Event()
    with gr.Blocks() as demo:
        gr.State(0)
        demo.load(lambda: None)
        demo.unload(unloaded.set)
    async with asgi_app_and_client(demo) as (app, client):
        config = (await client.get("/config")).json()
        assert config["connect_heartbeat"] is True
        # Unload runs for sessions that ran an event (docs/security.md #42): the page's load.
        await run_event(client, 0, [], session_hash="page")
        disconnect = anyio.Event()
        first_body = anyio.Event()
        async with anyio.create_task_group() as tg:

            async def heartbeat() -> None:
                body = await get_until_disconnect(
                    app, "/gradio_api/heartbeat/page", "", disconnect, first_body=first_body
                )
                assert body.startswith(b"data: ALIVE\n\n")

            tg.start_soon(heartbeat)
            with anyio.fail_after(5):
                await first_body.wait()
            assert not unloaded.is_set()
            disconnect.set()
        assert await anyio.to_thread.run_sync(unloaded.wait, 5)
