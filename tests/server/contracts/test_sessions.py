"""The session store's contract: values, conflicts, expiry, renders across processes."""

from __future__ import annotations

import datetime
import itertools
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest

import limelight as gr
from limelight.app.session_data import RenderIds, RenderResult, SessionData
from limelight.core import block as block_module
from limelight.server.services import Services
from limelight.server.sessions import (
    SessionConflict,
    SessionStore,
    dump_session,
    load_session,
)
from tests.server.contracts.support import SESSIONS
from tests.server.session_support import keyed_app
from tests.support import asgi_app_and_client, completion, join, read_session

pytestmark = pytest.mark.anyio


@dataclass
class Point:
    """A State value of the app's own class."""

    x: int
    y: int


EVERY_KIND: dict[int, Any] = {
    1: None,
    2: "text",
    3: 4.5,
    4: [1, [2, 3]],
    5: {"nested": {"a": (1, 2)}},
    6: {1, 2},
    7: b"\x00bytes",
    8: datetime.datetime(2026, 12, 7, 20, 0),
    9: Point(1, 2),
}


def filled_session() -> SessionData:
    """Session data holding every kind of value a session keeps."""
    data = SessionData()
    data.states.update(EVERY_KIND)
    data.set_at.update((state_id, 100.0 + state_id) for state_id in EVERY_KIND)
    data.set_prop(20, "visible", False)
    data.set_prop(20, "choices", [["a", "a"], ["b", "b"]])
    data.set_value(21, {"path": "/tmp/x.png", "meta": {"_type": "gradio.FileData"}})
    made = RenderIds(frozenset({7, 8}), frozenset({9}), {("m.Textbox", "k"): 7}, {"go": 9})
    data.set_rendered(
        RenderResult(5, ["ab", Point(3, 4)], RenderIds(), made, {"id": 5, "components": []})
    )
    return data


def same_contents(a: SessionData, b: SessionData) -> bool:
    return (a.states, a.set_at, a.props, a.values, a.rendered) == (
        b.states,
        b.set_at,
        b.props,
        b.values,
        b.rendered,
    )


def test_session_data_round_trips_through_pickle_without_its_live_renders() -> None:
    original = filled_session()
    copy = load_session(dump_session(original))
    assert same_contents(copy, original)
    assert copy.rendered[5].made.fn_keys == {"go": 9}
    assert copy.rendered[5].live is None and copy.changes == set()


def test_render_results_hold_only_plain_values() -> None:
    result = filled_session().rendered[5]
    plain = {
        "config": result.render_config,
        "blocks": sorted(result.made.block_ids),
        "fns": sorted(result.made.fn_ids),
        "fn_keys": result.made.fn_keys,
    }
    assert json.loads(json.dumps(plain)) == plain


async def test_every_kind_of_value_survives_a_save_and_load(sessions: SessionStore) -> None:
    data = await sessions.load("s")
    for kind, value in (("states", filled_session().states), ("values", {21: [1, "x"]})):
        getattr(data, kind).update(value)
    data.set_prop(20, "label", "Name")
    await sessions.commit("s", data)
    loaded = await sessions.load("s")
    assert loaded.states == EVERY_KIND
    assert loaded.values == {21: [1, "x"]} and loaded.props == {20: {"label": "Name"}}


async def test_a_saved_session_loads_again_and_a_deleted_one_is_new(
    sessions: SessionStore,
) -> None:
    data = await sessions.load("s")
    data.states[3] = "kept"
    await sessions.save("s", data)
    assert (await sessions.load("s")).states == {3: "kept"}
    await sessions.delete("s")
    assert (await sessions.load("s")).states == {}


async def test_unknown_sessions_load_empty(sessions: SessionStore) -> None:
    fresh = await sessions.load("never-seen")
    assert isinstance(fresh, SessionData) and fresh.states == {}


async def test_saving_data_older_than_the_stored_is_a_conflict(sessions: SessionStore) -> None:
    await sessions.save("s", await sessions.load("s"))
    mine = await sessions.load("s")
    # What another process loaded at the same moment: a copy at the same version.
    theirs = load_session(dump_session(mine))
    mine.set_value(1, "mine")
    await sessions.save("s", mine)
    theirs.set_value(2, "theirs")
    with pytest.raises(SessionConflict, match="saved by another writer"):
        await sessions.save("s", theirs)


async def test_commit_keeps_the_writes_of_both_racing_writers(sessions: SessionStore) -> None:
    state_a, state_b = gr.State(render=False), gr.State(render=False)
    mine = await sessions.load("s")
    theirs = load_session(dump_session(mine))
    mine.set_state(state_a, "a")
    mine.set_prop(9, "visible", False)
    theirs.set_state(state_b, "b")
    theirs.set_prop(9, "label", "B")
    theirs.set_value(9, "typed")
    await sessions.commit("s", mine)
    await sessions.commit("s", theirs)
    final = await sessions.load("s")
    assert final.states == {state_a.id: "a", state_b.id: "b"}
    assert final.props == {9: {"visible": False, "label": "B"}}
    assert final.values == {9: "typed"}


async def test_commit_replays_a_dropped_state_as_dropped(sessions: SessionStore) -> None:
    state = gr.State(render=False)
    data = await sessions.load("s")
    data.set_state(state, 1)
    await sessions.commit("s", data)
    mine = await sessions.load("s")
    theirs = load_session(dump_session(mine))
    mine.drop_state(state)
    theirs.set_value(3, "x")
    await sessions.commit("s", theirs)
    await sessions.commit("s", mine)
    final = await sessions.load("s")
    assert final.states == {} and final.values == {3: "x"}


@pytest.mark.parametrize("make", SESSIONS)
async def test_sessions_idle_past_the_time_to_live_expire(
    make: Callable[..., SessionStore],
) -> None:
    sessions = make(ttl=-1.0)
    data = await sessions.load("s")
    data.set_value(1, "old")
    await sessions.commit("s", data)
    assert [gone.values for gone in await sessions.expire()] == [{1: "old"}]
    assert (await sessions.load("s")).values == {}


@pytest.mark.parametrize("make", SESSIONS)
async def test_the_least_recently_used_session_goes_beyond_capacity(
    make: Callable[..., SessionStore],
) -> None:
    sessions = make(capacity=2)
    for name in ("a", "b"):
        data = await sessions.load(name)
        data.set_value(1, name)
        await sessions.commit(name, data)
    await sessions.load("a")
    await sessions.load("c")
    assert [gone.values for gone in await sessions.expire()] == [{1: "b"}]
    assert (await sessions.load("a")).values == {1: "a"}
    assert (await sessions.load("b")).values == {}


async def test_reading_a_state_for_the_first_time_does_not_undo_a_racing_write(
    sessions: SessionStore,
) -> None:
    state = gr.State("initial", render=False)
    reader = await sessions.load("s")
    writer = load_session(dump_session(reader))
    assert reader.state_value(state) == "initial"
    writer.set_state(state, "written")
    await sessions.commit("s", writer)
    await sessions.commit("s", reader)
    assert (await sessions.load("s")).state_value(state) == "written"


async def test_a_rendered_listener_runs_in_another_process_of_the_app(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Two builds of one app with the same block ids stand for two processes running one
    script; the session's data goes from one to the other as bytes, without live renders."""
    start = next(block_module._ids) + 1000
    monkeypatch.setattr(block_module, "_ids", itertools.count(start))
    async with asgi_app_and_client(keyed_app()) as (first, client):
        event_id = await join(client, 0, ["ab"], session_hash="s")
        await read_session(client, "s")
        event_id = await join(client, 0, ["abc"], session_hash="s")
        config = completion(await read_session(client, "s"), event_id)["output"]["render_config"]
        services: Services = first.state.services
        blob = dump_session(await services.sessions.load("s"))
    listener = config["dependencies"][0]
    monkeypatch.setattr(block_module, "_ids", itertools.count(start))
    async with asgi_app_and_client(keyed_app()) as (second, client):
        services = second.state.services
        await services.sessions.commit("s", load_session(blob))
        button = listener["targets"][0][0]
        event_id = await join(client, listener["id"], ["xy"], session_hash="s", trigger_id=button)
        done = completion(await read_session(client, "s"), event_id)
    assert done["success"], done
    assert done["output"]["data"] == ["XYa"]
