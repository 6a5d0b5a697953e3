"""The REST API: ``call/{api}`` + its SSE, ``call/v2/{api}`` and ``run/{api}`` (section 3.5)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import anyio
import httpx
import pytest

import limelight as gr
from limelight.server.services import ServerSettings
from tests.support import asgi_client, completion, run_event, sse_messages


def add(a: float, b: float = 5) -> float:
    return a + b


def times(a: float, b: float) -> float:
    return a * b


def count(text: str, seen: int) -> tuple[str, int]:
    seen += 1
    return f"{text} {seen}", seen


def stream(n: float) -> Iterator[str]:
    text = ""
    for i in range(int(n)):
        text += str(i)
        yield text


def boom(text: str) -> str:
    raise ValueError("internal boom")


def refuse(text: str) -> str:
    raise gr.Error(f"Bad input: {text}")


def _app() -> gr.Blocks:
    with gr.Blocks() as demo:
        a = gr.Number(label="A")
        b = gr.Number(label="B")
        c = gr.Number(2, label="C")
        total = gr.Number()
        text = gr.Textbox()
        state = gr.State(0)
        btn = gr.Button()
        btn.click(add, [a, b], total, api_name="add")
        btn.click(add, [a, c], total, api_name="add_preset")
        btn.click(times, [a, c], total, api_name="times")
        btn.click(count, [text, state], [text, state], api_name="count")
        btn.click(stream, a, text, api_name="stream")
        btn.click(boom, text, text, api_name="boom")
        btn.click(refuse, text, text, api_name="refuse")
        btn.click(lambda x: x, text, text, api_name="hidden", show_api=False)
        btn.click(lambda x: x, text, text, api_name=False)
    return demo


async def _call(
    client: httpx.AsyncClient, api: str, body: Any, *, v2: bool = False
) -> list[dict[str, Any]]:
    prefix = "/gradio_api/call/v2/" if v2 else "/gradio_api/call/"
    started = await client.post(prefix + api, json=body)
    assert started.status_code == 200, started.text
    event_id = started.json()["event_id"]
    stream = await client.get(f"{prefix}{api}/{event_id}")
    assert stream.status_code == 200
    assert stream.headers["content-type"].startswith("text/event-stream")
    return sse_messages(stream.text)


@pytest.mark.anyio
async def test_call_then_read_the_result() -> None:
    async with asgi_client(_app()) as client:
        events = await _call(client, "add", {"data": [1, 2]})
    assert events == [{"event": "complete", "data": [3]}]


@pytest.mark.anyio
async def test_call_stream_text_is_named_events() -> None:
    async with asgi_client(_app()) as client:
        started = await client.post("/gradio_api/call/add", json={"data": [1, 2]})
        event_id = started.json()["event_id"]
        stream = await client.get(f"/gradio_api/call/add/{event_id}")
    assert stream.text == "event: complete\ndata: [3]\n\n"


@pytest.mark.anyio
async def test_call_streams_full_values_while_generating() -> None:
    async with asgi_client(_app()) as client:
        events = await _call(client, "stream", {"data": [3]})
    assert events == [
        {"event": "generating", "data": ["0"]},
        {"event": "generating", "data": ["01"]},
        {"event": "generating", "data": ["012"]},
        {"event": "complete", "data": ["012"]},
    ]


@pytest.mark.anyio
async def test_call_error_hides_the_message_by_default() -> None:
    async with asgi_client(_app()) as client:
        events = await _call(client, "boom", {"data": ["x"]})
    assert events == [{"event": "error", "data": {"error": None}}]


@pytest.mark.anyio
async def test_call_error_shows_gr_error() -> None:
    async with asgi_client(_app()) as client:
        events = await _call(client, "refuse", {"data": ["x"]})
    ((event,),) = [[e for e in events if e["event"] == "error"]]
    assert event["data"]["error"] == "Bad input: x"
    assert event["data"]["title"] == "Error"


@pytest.mark.anyio
async def test_call_state_inputs_may_be_left_out_and_come_back_null() -> None:
    async with asgi_client(_app()) as client:
        short = await _call(client, "count", {"data": ["a"]})
        full = await _call(client, "count", {"data": ["b", None]})
    assert short == [{"event": "complete", "data": ["a 1", None]}]
    assert full == [{"event": "complete", "data": ["b 1", None]}]


@pytest.mark.anyio
async def test_call_v2_takes_named_parameters() -> None:
    async with asgi_client(_app()) as client:
        events = await _call(client, "add", {"a": 1, "b": 2}, v2=True)
    assert events == [{"event": "complete", "data": [3]}]


@pytest.mark.anyio
@pytest.mark.parametrize("api", ["times", "add_preset"], ids=["component value", "both"])
async def test_call_v2_fills_the_defaults_info_advertises(api: str) -> None:
    async with asgi_client(_app()) as client:
        info = (await client.get("/gradio_api/info")).json()
        a, b = info["named_endpoints"]["/" + api]["parameters"]
        # The component's value (2) wins over the signature's default, as in Gradio.
        assert (b["parameter_has_default"], b["parameter_default"]) == (True, 2)
        events = await _call(client, api, {a["parameter_name"]: 10}, v2=True)
    result = 10 * 2 if api == "times" else 10 + 2
    assert events == [{"event": "complete", "data": [result]}]


@pytest.mark.anyio
async def test_call_v2_needs_a_parameter_info_gives_no_default() -> None:
    # add(a, b=5) with an empty Number for b: Gradio lists b as required (only a signature
    # default of None counts), and its call/v2 refuses a call without it.
    async with asgi_client(_app()) as client:
        info = (await client.get("/gradio_api/info")).json()
        assert info["named_endpoints"]["/add"]["parameters"][1]["parameter_has_default"] is False
        answer = await client.post("/gradio_api/call/v2/add", json={"a": 10})
    assert answer.status_code == 422
    assert "required argument: b" in answer.text


@pytest.mark.anyio
async def test_call_v2_skips_state() -> None:
    async with asgi_client(_app()) as client:
        events = await _call(client, "count", {"text": "a"}, v2=True)
    assert events == [{"event": "complete", "data": ["a 1", None]}]


@pytest.mark.anyio
async def test_call_v2_refuses_unknown_names_and_non_objects() -> None:
    async with asgi_client(_app()) as client:
        unknown = await client.post("/gradio_api/call/v2/add", json={"a": 1, "zzz": 2})
        listed = await client.post("/gradio_api/call/v2/add", json=[1, 2])
    assert unknown.status_code == 422
    assert "zzz" in unknown.json()["detail"]
    assert listed.status_code == 422


@pytest.mark.anyio
@pytest.mark.parametrize("path", ["/gradio_api/call/nope", "/gradio_api/call/v2/nope"])
async def test_call_unknown_endpoint_is_404(path: str) -> None:
    async with asgi_client(_app()) as client:
        response = await client.post(path, json={"data": []})
    assert response.status_code == 404
    assert "/nope" in response.json()["detail"]


@pytest.mark.anyio
async def test_call_private_endpoint_is_404_but_undocumented_works() -> None:
    async with asgi_client(_app()) as client:
        private = await client.post("/gradio_api/call/lambda", json={"data": ["x"]})
        hidden = await _call(client, "hidden", {"data": ["x"]})
    assert private.status_code == 404
    assert hidden == [{"event": "complete", "data": ["x"]}]


@pytest.mark.anyio
async def test_call_bad_payload_is_422() -> None:
    async with asgi_client(_app()) as client:
        wrong_type = await client.post("/gradio_api/call/add", json={"data": ["x", 1]})
        no_data = await client.post("/gradio_api/call/add", json={"values": [1, 2]})
    assert wrong_type.status_code == 422
    assert "Invalid value for 'A'" in wrong_type.json()["detail"]
    assert no_data.status_code == 422
    assert "data" in no_data.json()["detail"]


@pytest.mark.anyio
async def test_call_stream_for_unknown_event_is_404() -> None:
    async with asgi_client(_app()) as client:
        response = await client.get("/gradio_api/call/add/0123456789abcdef0123456789abcdef")
    assert response.status_code == 404


@pytest.mark.anyio
async def test_call_stream_can_be_read_once() -> None:
    async with asgi_client(_app()) as client:
        started = await client.post("/gradio_api/call/add", json={"data": [1, 2]})
        event_id = started.json()["event_id"]
        first = await client.get(f"/gradio_api/call/add/{event_id}")
        second = await client.get(f"/gradio_api/call/add/{event_id}")
    assert first.status_code == 200
    assert second.status_code == 404


@pytest.mark.anyio
async def test_run_returns_the_output_directly() -> None:
    async with asgi_client(_app()) as client:
        response = await client.post("/gradio_api/run/add", json={"data": [1, 2]})
    assert response.status_code == 200
    body = response.json()
    assert body["data"] == [3]
    assert body["is_generating"] is False
    assert set(body) >= {"data", "is_generating", "duration", "average_duration", "render_config"}


@pytest.mark.anyio
async def test_api_alias_of_run() -> None:
    async with asgi_client(_app()) as client:
        response = await client.post("/gradio_api/api/add", json={"data": [1, 2]})
    assert response.json()["data"] == [3]


@pytest.mark.anyio
async def test_run_predict_by_fn_index() -> None:
    demo = _app()
    private = next(dep for dep in demo.fns if dep.api_visibility == "private")
    async with asgi_client(demo) as client:
        response = await client.post(
            "/gradio_api/run/predict",
            json={"data": ["x"], "fn_index": private.id, "session_hash": "s"},
        )
    assert response.status_code == 200
    assert response.json()["data"] == ["x"]


@pytest.mark.anyio
async def test_run_generator_returns_the_last_value() -> None:
    async with asgi_client(_app()) as client:
        response = await client.post("/gradio_api/run/stream", json={"data": [3]})
    assert response.json()["data"] == ["012"]


@pytest.mark.anyio
async def test_run_errors() -> None:
    async with asgi_client(_app()) as client:
        hidden = await client.post("/gradio_api/run/boom", json={"data": ["x"]})
        shown = await client.post("/gradio_api/run/refuse", json={"data": ["x"]})
        unknown = await client.post("/gradio_api/run/nope", json={"data": []})
        bad = await client.post("/gradio_api/run/add", json={"data": ["x", 1]})
    assert hidden.status_code == 500
    assert hidden.json() == {"error": None}
    assert shown.status_code == 500
    assert shown.json()["error"] == "Bad input: x"
    assert unknown.status_code == 404
    assert bad.status_code == 422


@pytest.mark.anyio
async def test_run_errors_shown_with_show_error() -> None:
    async with asgi_client(_app(), ServerSettings(show_error=True)) as client:
        response = await client.post("/gradio_api/run/boom", json={"data": ["x"]})
    assert response.status_code == 500
    assert response.json() == {"error": "internal boom", "visible": True}


async def _never_done(text: str) -> str:
    await anyio.Event().wait()  # stands for work that outlasts any limit; no clock involved
    return text


@pytest.mark.anyio
@pytest.mark.parametrize("path", ["/gradio_api/run/slow", "/gradio_api/run/predict"])
async def test_run_ends_at_the_time_limit_with_the_queues_error(path: str) -> None:
    with gr.Blocks() as demo:
        box = gr.Textbox()
        gr.Button().click(_never_done, box, box, api_name="slow", time_limit=0.05, queue=False)
    async with asgi_client(demo) as client:
        ran = await client.post(path, json={"data": ["a"], "fn_index": 0, "session_hash": "s"})
        queued = completion(await run_event(client, 0, ["a"]))
    assert ran.status_code == 500
    assert "time limit of 0.05 seconds" in ran.json()["error"]
    assert ran.json() == queued["output"]


@pytest.mark.anyio
@pytest.mark.parametrize("show_error", [False, True])
@pytest.mark.parametrize("api", ["boom", "refuse"])
async def test_run_errors_look_as_the_queues_do(api: str, show_error: bool) -> None:
    demo = _app()
    fn_index = next(dep.id for dep in demo.fns if dep.api_name == api)
    async with asgi_client(demo, ServerSettings(show_error=show_error)) as client:
        ran = await client.post(f"/gradio_api/run/{api}", json={"data": ["x"]})
        queued = completion(await run_event(client, fn_index, ["x"]))
    assert ran.status_code == 500
    assert queued["success"] is False
    assert ran.json() == queued["output"]


@pytest.mark.anyio
async def test_run_reports_its_duration_as_the_queue_does() -> None:
    async with asgi_client(_app()) as client:
        first = (await client.post("/gradio_api/run/add", json={"data": [1, 2]})).json()
    assert first["duration"] >= 0
    assert first["average_duration"] == first["duration"]
