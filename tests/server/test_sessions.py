"""Sessions as apps use them: the in-memory store's live objects, rendered listeners when
every load is a copy, and events of one session racing through a store that pickles (the
store contract itself is in ``contracts/test_sessions.py``)."""

from __future__ import annotations

import asyncio
import threading

import pytest

import limelight as gr
from limelight.server.sessions import InMemorySessionStore
from tests.server.session_support import keyed_app, pickling_client
from tests.support import completion, join, read_session

pytestmark = pytest.mark.anyio


async def test_the_in_memory_store_keeps_values_pickle_cannot_hold() -> None:
    sessions = InMemorySessionStore()
    state = gr.State(render=False)
    data = await sessions.load("s")
    lock = threading.Lock()
    data.set_state(state, {"lock": lock, "fn": lambda: 1})
    await sessions.commit("s", data)
    loaded = await sessions.load("s")
    assert loaded is data and loaded.states[state.id]["lock"] is lock


async def test_writers_sharing_the_stored_object_never_conflict() -> None:
    sessions = InMemorySessionStore()
    first, second = await sessions.load("s"), await sessions.load("s")
    first.set_value(1, "a")
    await sessions.save("s", first)
    second.set_value(2, "b")
    await sessions.save("s", second)
    assert (await sessions.load("s")).values == {1: "a", 2: "b"}


async def test_rendered_listeners_run_when_every_load_is_a_copy() -> None:
    async with pickling_client(keyed_app()) as client:
        event_id = await join(client, 0, ["ab"], session_hash="s")
        config = completion(await read_session(client, "s"), event_id)["output"]["render_config"]
        listener = config["dependencies"][1]
        button = listener["targets"][0][0]
        event_id = await join(client, listener["id"], ["xy"], session_hash="s", trigger_id=button)
        done = completion(await read_session(client, "s"), event_id)
    assert done["output"]["data"] == ["XYb"]


async def test_a_render_that_fails_to_run_again_leaves_its_listeners_unknown() -> None:
    broken = False
    with gr.Blocks() as demo:

        @gr.render()
        def show() -> None:
            if broken:
                raise RuntimeError("the render's world changed")
            gr.Button("go").click(lambda: "went", None, gr.Textbox())

    async with pickling_client(demo) as client:
        event_id = await join(client, 0, [], session_hash="s")
        config = completion(await read_session(client, "s"), event_id)["output"]["render_config"]
        broken = True
        joined = await client.post(
            "/gradio_api/queue/join",
            json={"data": [], "fn_index": config["dependencies"][0]["id"], "session_hash": "s"},
        )
    assert joined.status_code == 422
    assert "Unknown fn_index" in joined.json()["detail"]


async def test_racing_events_of_one_session_keep_both_writes_through_a_pickling_store() -> None:
    """Two events of one session run at once on data loaded before either saved; the one
    that saves last re-applies its write to the other's instead of losing it."""
    gate = asyncio.Event()
    with gr.Blocks() as demo:
        first, second = gr.State(0), gr.State(0)
        both = gr.JSON()

        async def slow(value: int) -> int:
            await gate.wait()
            return value + 1

        def quick(value: int) -> int:
            gate.set()
            return value + 10

        gr.Button().click(slow, first, first)
        gr.Button().click(quick, second, second)
        gr.Button().click(lambda a, b: [a, b], [first, second], both)
    async with pickling_client(demo) as client:
        await join(client, 0, [None], session_hash="s")
        await join(client, 1, [None], session_hash="s")
        await read_session(client, "s")
        event_id = await join(client, 2, [None, None], session_hash="s")
        done = completion(await read_session(client, "s"), event_id)
    assert done["output"]["data"] == [[1, 10]]
