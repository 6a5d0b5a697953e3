"""The in-memory session store: live objects, never serialised."""

from __future__ import annotations

import threading

import pytest

import limelight as gr
from limelight.server.sessions import InMemorySessionStore

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
