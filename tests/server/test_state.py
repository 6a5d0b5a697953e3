"""Per-session State and ``gr.update``: values kept on the server, null on the wire."""

from __future__ import annotations

from typing import Any

import pytest

import limelight as gr
from limelight.testing import AppTester
from tests.support import asgi_client, completion, read_session, run_event


def _counter() -> tuple[gr.Blocks, gr.State]:
    def count(text: str, seen: list[str]) -> tuple[str, list[str]]:
        seen.append(text)
        return ",".join(seen), seen

    with gr.Blocks() as demo:
        box = gr.Textbox()
        history = gr.State([])
        out = gr.Textbox()
        gr.Button().click(count, [box, history], [out, history], api_name="count")
    return demo, history


def test_state_is_kept_per_session_and_null_on_the_wire() -> None:
    demo, history = _counter()
    with AppTester(demo) as page:
        first = page.call("count", "x")
        second = page.call("count", "y")
        assert page.state(history) == ["x", "y"]
    assert first.data == ["x", None]
    assert second.data == ["x,y", None]
    assert second.changed_state_ids == [history.id]


def test_sessions_are_independent() -> None:
    demo, history = _counter()
    with AppTester(demo) as a:
        b = a.new_page()
        a.call("count", "a1")
        assert b.call("count", "b1").data == ["b1", None]
        assert a.call("count", "a2").data == ["a1,a2", None]
        assert (a.state(history), b.state(history)) == (["a1", "a2"], ["b1"])


def test_initial_value_is_not_shared_or_mutated() -> None:
    demo, history = _counter()
    with AppTester(demo) as page:
        page.call("count", "a")
        page.new_page().call("count", "b")
    assert history.initial() == []


@pytest.mark.anyio
async def test_state_sent_by_a_client_is_ignored() -> None:
    demo, _ = _counter()
    async with asgi_client(demo) as client:
        completed = completion(await run_event(client, 0, ["x", ["forged"]], "a"))
    assert completed["output"]["data"] == ["x", None]


@pytest.mark.anyio
async def test_run_route_keeps_state_by_session_hash() -> None:
    demo, _ = _counter()
    async with asgi_client(demo) as client:
        for text in ("p", "q"):
            response = await client.post(
                "/gradio_api/run/count", json={"data": [text, None], "session_hash": "r"}
            )
    assert response.json()["data"] == ["p,q", None]


@pytest.mark.anyio
async def test_call_api_returns_null_for_state_outputs() -> None:
    demo, _ = _counter()
    async with asgi_client(demo) as client:
        started = await client.post("/gradio_api/call/count", json={"data": ["x"]})
        stream = await client.get(f"/gradio_api/call/count/{started.json()['event_id']}")
    assert stream.text == 'event: complete\ndata: ["x",null]\n\n'


@pytest.mark.anyio
async def test_state_updated_by_one_event_is_read_by_another() -> None:
    with gr.Blocks() as demo:
        box = gr.Textbox()
        saved = gr.State("nothing")
        btn = gr.Button()
        btn.click(lambda text: text, box, saved)
        btn.click(lambda value: f"saved: {value}", saved, box)
    async with asgi_client(demo) as client:
        before = completion(await run_event(client, 1, [None], "s"))
        await run_event(client, 0, ["hello"], "s")
        after = completion(await run_event(client, 1, [None], "s"))
    assert before["output"]["data"] == ["saved: nothing"]
    assert after["output"]["data"] == ["saved: hello"]


@pytest.mark.anyio
async def test_update_returns_the_update_dict() -> None:
    with gr.Blocks() as demo:
        box = gr.Textbox()
        btn = gr.Button()
        btn.click(lambda: gr.update(visible=False, value=12), None, box)
        btn.click(lambda: gr.Textbox(label="New", interactive=False), None, box)
    async with asgi_client(demo) as client:
        dict_update = completion(await run_event(client, 0, []))
        instance_update = completion(await run_event(client, 1, []))
    assert dict_update["output"]["data"] == [
        {"__type__": "update", "visible": False, "value": "12"}
    ]
    assert instance_update["output"]["data"] == [
        {"__type__": "update", "label": "New", "interactive": False}
    ]


def _chooser() -> tuple[gr.Blocks, gr.Dropdown, dict[str, int]]:
    with gr.Blocks() as demo:
        pick = gr.Dropdown(["a", "b"], label="Pick")
        out = gr.Textbox()
        btn = gr.Button()
        change = btn.click(lambda: gr.update(choices=["x", ("Why", "y")], value="x"), None, pick)
        use = btn.click(lambda value: f"got {value}", pick, out)
    return demo, pick, {"change": change.id, "use": use.id}


async def _use(client: Any, fn_index: int, value: str, session: str) -> Any:
    return await client.post(
        "/gradio_api/queue/join",
        json={"data": [value], "fn_index": fn_index, "session_hash": session},
    )


@pytest.mark.anyio
async def test_updated_choices_are_sent_as_pairs() -> None:
    demo, _, fns = _chooser()
    async with asgi_client(demo) as client:
        completed = completion(await run_event(client, fns["change"], [], "a"))
    assert completed["output"]["data"] == [
        {"__type__": "update", "choices": [["x", "x"], ["Why", "y"]], "value": "x"}
    ]


@pytest.mark.anyio
async def test_updated_choices_apply_to_that_session_only() -> None:
    demo, pick, fns = _chooser()
    async with asgi_client(demo) as client:
        await run_event(client, fns["change"], [], "a")
        new_in_a = await _use(client, fns["use"], "y", "a")
        assert new_in_a.status_code == 200
        assert completion(await read_session(client, "a"))["output"]["data"] == ["got y"]
        old_in_a = await _use(client, fns["use"], "a", "a")
        new_in_b = await _use(client, fns["use"], "x", "b")
        old_in_b = await _use(client, fns["use"], "a", "b")
    assert old_in_a.status_code == 422
    assert "not in the list of choices" in old_in_a.json()["detail"]
    assert new_in_b.status_code == 422
    assert old_in_b.status_code == 200
    assert pick.choices == [("a", "a"), ("b", "b")]


@pytest.mark.anyio
async def test_update_of_a_state_output_leaves_the_state_alone() -> None:
    with gr.Blocks() as demo:
        saved = gr.State("kept")
        box = gr.Textbox()
        btn = gr.Button()
        btn.click(lambda: gr.update(), None, saved)
        btn.click(lambda value: value, saved, box)
    async with asgi_client(demo) as client:
        await run_event(client, 0, [], "s")
        completed = completion(await run_event(client, 1, [None], "s"))
    assert completed["output"]["data"] == ["kept"]


@pytest.mark.anyio
async def test_a_layout_returned_by_a_function_updates_that_layout() -> None:
    def reveal(choice: str) -> tuple[Any, Any]:
        return gr.Dropdown(choices=[choice, "other"], value=choice), gr.Column(visible=True)

    with gr.Blocks() as demo:
        pick = gr.Radio(["a", "b"])
        menu = gr.Dropdown(choices=[])
        with gr.Column(visible=False) as panel:
            gr.Textbox()
        pick.change(reveal, pick, [menu, panel], api_name="reveal")
    async with asgi_client(demo) as client:
        done = completion(await run_event(client, 0, ["a"], "s"))
    menu_update, panel_update = done["output"]["data"]
    assert menu_update["value"] == "a" and menu_update["__type__"] == "update"
    assert panel_update == {"__type__": "update", "visible": True}
