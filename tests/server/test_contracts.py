"""The contract every implementation of a service interface keeps: the queue, the event
streams, the session store, the file store, login tokens and the login limiter, upload
progress and event durations.

Each test takes its service from a fixture parametrised over the implementations; a new
backend (Redis, say) adds its factory to the lists below and must pass the same tests.
"""

from __future__ import annotations

import asyncio
import datetime
import itertools
import json
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import anyio
import pytest

import limelight as gr
from limelight.app.session_data import RenderIds, RenderResult, SessionData
from limelight.core import block as block_module
from limelight.files.local import LocalFileStore
from limelight.files.store import FileStore, FileTooLarge
from limelight.server.durations import Durations, InMemoryDurations
from limelight.server.jobs import JobRecord, RequestSnapshot
from limelight.server.logins import (
    InMemoryLoginLimiter,
    InMemoryTokenStore,
    LoginLimiter,
    TokenStore,
)
from limelight.server.queue import InMemoryQueue, JobQueue, QueueFull
from limelight.server.services import Services
from limelight.server.sessions import (
    InMemorySessionStore,
    SessionConflict,
    SessionStore,
    dump_session,
    load_session,
)
from limelight.server.streams import EventStreams, InMemoryEventStreams
from limelight.server.upload_progress import InMemoryUploadProgress, UploadProgress, UploadState
from tests.server.session_support import PicklingSessionStore, keyed_app
from tests.support import asgi_app_and_client, completion, join, read_session

pytestmark = pytest.mark.anyio

STREAMS: list[Callable[[], EventStreams]] = [InMemoryEventStreams]
QUEUES: list[Callable[[EventStreams, int | None], JobQueue]] = [
    lambda streams, max_size: InMemoryQueue(streams, max_size=max_size)
]


SESSIONS: list[Callable[..., SessionStore]] = [InMemorySessionStore, PicklingSessionStore]
FILE_STORES: list[Callable[[Path], FileStore]] = [LocalFileStore]
# Services whose answers depend on time take the test's clock; their factories take the
# clock and the service's time setting (a token's life, the limiter's window).
TOKEN_STORES: list[Callable[[Clock, float], TokenStore]] = [
    lambda clock, ttl: InMemoryTokenStore(ttl, clock=clock)
]
LIMITERS: list[Callable[[Clock, int, float], LoginLimiter]] = [
    lambda clock, limit, window: InMemoryLoginLimiter(limit, window, clock=clock)
]
UPLOAD_PROGRESS: list[Callable[[Clock], UploadProgress]] = [
    lambda clock: InMemoryUploadProgress(clock=clock)
]
DURATIONS: list[Callable[[], Durations]] = [InMemoryDurations]


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture(params=STREAMS)
def streams(request: pytest.FixtureRequest) -> EventStreams:
    made: EventStreams = request.param()
    return made


@pytest.fixture(params=QUEUES)
async def queue(request: pytest.FixtureRequest, streams: EventStreams) -> AsyncIterator[JobQueue]:
    made: JobQueue = request.param(streams, 3)
    yield made
    await made.close()


@pytest.fixture(params=SESSIONS)
def sessions(request: pytest.FixtureRequest) -> SessionStore:
    made: SessionStore = request.param()
    return made


@pytest.fixture(params=FILE_STORES)
def make_files(request: pytest.FixtureRequest) -> Callable[[Path], FileStore]:
    factory: Callable[[Path], FileStore] = request.param
    return factory


@pytest.fixture
def files(make_files: Callable[[Path], FileStore], tmp_path: Path) -> FileStore:
    return make_files(tmp_path)


def record(
    event: str,
    *,
    group: str = "g",
    limit: int | None = 1,
    session: str = "s",
    batch: str | None = None,
    max_batch_size: int = 1,
) -> JobRecord:
    return JobRecord(
        event_id=event,
        fn_index=0,
        session_hash=session,
        channel=session,
        data=[event],
        group=group,
        limit=limit,
        batch=batch,
        max_batch_size=max_batch_size,
    )


async def claim_now(queue: JobQueue) -> list[str]:
    """The event ids of the next claim, which must be ready."""
    claimed = await asyncio.wait_for(queue.claim(), 2)
    return [r.event_id for r in claimed]


async def nothing_to_claim(queue: JobQueue) -> bool:
    """Whether a claim still waits after the loop has run everything ready."""
    waiter = asyncio.ensure_future(queue.claim())
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    done = waiter.done()
    waiter.cancel()
    await asyncio.gather(waiter, return_exceptions=True)
    return not done


# --- records and messages -------------------------------------------------------------------


def test_a_job_record_round_trips_through_json() -> None:
    original = JobRecord(
        event_id="e1",
        fn_index=3,
        session_hash="s",
        channel="s",
        data=[{"path": "/tmp/x.png", "meta": {"_type": "gradio.FileData"}}, 2, None],
        group="3",
        limit=2,
        batch="3",
        max_batch_size=4,
        event_data={"index": [0, 1], "value": "a"},
        trigger_id=7,
        request=RequestSnapshot(
            method="POST",
            path="/gradio_api/queue/join",
            headers=[("host", "h:1"), ("cookie", "a=b")],
            client=("127.0.0.1", 5000),
            username="ann",
            session_hash="s",
        ),
        root_url="http://h:1",
        stream=True,
    )
    copy = JobRecord.model_validate_json(original.model_dump_json())
    assert copy == original
    assert json.loads(original.model_dump_json())["data"][1] == 2


def test_a_request_snapshot_gives_the_request_a_function_sees() -> None:
    snapshot = RequestSnapshot(
        method="POST",
        scheme="https",
        server=("example.com", 443),
        path="/gradio_api/queue/join",
        query_string="a=1&b=two",
        headers=[("host", "example.com"), ("cookie", "theme=dark"), ("X-Token", "t")],
        client=("10.0.0.2", 4242),
        username="ann",
        session_hash="s1",
    )
    request = JobRecord.model_validate_json(
        record("e").model_copy(update={"request": snapshot}).model_dump_json()
    ).request
    assert request is not None
    seen = request.request()
    assert seen.headers["x-token"] == "t"
    assert seen.cookies["theme"] == "dark"
    assert seen.query_params["b"] == "two"
    assert str(seen.url) == "https://example.com/gradio_api/queue/join?a=1&b=two"
    assert (seen.client.host, seen.client.port) == ("10.0.0.2", 4242)
    assert (seen.username, seen.session_hash) == ("ann", "s1")


# --- the queue ------------------------------------------------------------------------------


async def test_jobs_of_one_group_are_claimed_in_arrival_order(queue: JobQueue) -> None:
    for event in ("a", "b", "c"):
        await queue.put(record(event, limit=None))
    assert [await claim_now(queue) for _ in range(3)] == [["a"], ["b"], ["c"]]


async def test_a_group_at_its_limit_waits_and_others_do_not(queue: JobQueue) -> None:
    await queue.put(record("a1", group="a"))
    await queue.put(record("a2", group="a"))
    await queue.put(record("b1", group="b"))
    first = await claim_now(queue)
    second = await claim_now(queue)
    assert (first, second) == (["a1"], ["b1"])
    assert await nothing_to_claim(queue)
    (a1,) = [r for r in [await queue.find("a1")] if r is not None]
    assert [r.event_id for r in await queue.finish([a1])] == ["a1"]
    assert await claim_now(queue) == ["a2"]


async def test_waiting_jobs_of_one_batch_are_claimed_together(queue: JobQueue) -> None:
    for event in ("x1", "x2", "x3"):
        await queue.put(record(event, batch="f", max_batch_size=2))
    assert await claim_now(queue) == ["x1", "x2"]


async def test_a_full_queue_refuses_more_waiting_jobs(queue: JobQueue) -> None:
    for event in ("a", "b", "c"):
        await queue.put(record(event))
    with pytest.raises(QueueFull):
        await queue.put(record("d"))
    assert await queue.size() == 3


async def test_pending_and_session_jobs_count_waiting_and_running(queue: JobQueue) -> None:
    await queue.put(record("a", session="s"))
    await queue.put(record("b", session="s"))
    await queue.put(record("c", session="t"))
    await claim_now(queue)
    assert await queue.pending("s") == 2
    assert sorted(await queue.session_jobs("s")) == ["a", "b"]
    assert await queue.pending("nobody") == 0
    found = await queue.find("b")
    assert found is not None and found.data == ["b"]


async def test_cancelling_a_waiting_job_drops_it_and_tells_its_stream(
    queue: JobQueue, streams: EventStreams
) -> None:
    await queue.put(record("a"))
    await queue.put(record("b"))
    await claim_now(queue)
    await streams.take("s", 0.1)
    assert await queue.cancel("b") is True
    assert await queue.find("b") is None
    (message,) = await streams.take("s", 1)
    assert (message["msg"], message["event_id"], message["output"]) == (
        "process_completed",
        "b",
        {},
    )
    assert await queue.cancel("b") is False


async def test_cancelling_a_running_job_is_announced_to_workers(queue: JobQueue) -> None:
    await queue.put(record("a"))
    (claimed,) = await asyncio.wait_for(queue.claim(), 2)
    cancellations = queue.cancellations()
    assert await queue.cancel("a") is True
    assert await asyncio.wait_for(anext(cancellations), 2) == "a"
    assert [r.event_id for r in await queue.finish([claimed])] == ["a"]
    assert await queue.pending("s") == 0


async def test_admission_tells_a_job_its_rank(queue: JobQueue, streams: EventStreams) -> None:
    for event in ("a", "b", "c"):
        await queue.put(record(event))
    ranks = [m["rank"] for m in await streams.take("s", 1) if m["msg"] == "estimation"]
    assert ranks == [0, 0, 1]


# --- event streams --------------------------------------------------------------------------


async def test_messages_come_out_in_the_order_they_went_in(streams: EventStreams) -> None:
    for n in range(5):
        await streams.publish("c", {"msg": "log", "n": n})
    streams.publish_soon("c", {"msg": "log", "n": 5})
    taken = await streams.take("c", 1)
    assert [m["n"] for m in taken] == [0, 1, 2, 3, 4, 5]
    assert not streams.has_buffered("c")


async def test_a_reader_waiting_on_an_empty_channel_wakes_on_publish(
    streams: EventStreams,
) -> None:
    reader = asyncio.ensure_future(streams.take("c", 5))
    await asyncio.sleep(0)
    await streams.publish("c", {"msg": "heartbeat"})
    assert await asyncio.wait_for(reader, 2) == [{"msg": "heartbeat"}]


async def test_channels_are_apart_and_discarded_channels_forgotten(
    streams: EventStreams,
) -> None:
    await streams.publish("a", {"msg": "x"})
    await streams.publish("b", {"msg": "y"})
    await streams.discard("a")
    assert not streams.has_buffered("a")
    assert await streams.take("b", 1) == [{"msg": "y"}]
    assert await streams.take("a", 0.01) == []


async def test_idle_channels_expire(streams: EventStreams) -> None:
    await streams.publish("old", {"msg": "x"})
    assert await streams.expire(0) == 1
    assert not streams.has_buffered("old")


# --- sessions -------------------------------------------------------------------------------


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


# --- file stores ----------------------------------------------------------------------------


async def test_a_file_round_trips_and_identical_bytes_are_kept_once(
    files: FileStore, tmp_path: Path
) -> None:
    first = await files.put(b"hello", "a.txt")
    second = await files.put(b"hello", "a.txt")
    assert first == second and first.endswith("/a.txt")
    assert await files.read(first) == b"hello" and await files.size(first) == 5
    assert await files.exists(first) and not await files.exists(first[:-5] + "b.txt")
    local = await files.local_path(first)
    assert local.read_bytes() == b"hello" and files.holds(local) and files.key_of(local) == first
    assert not files.holds(tmp_path / "elsewhere.txt")


async def test_bytes_stored_by_blocking_calls_are_the_same_keys(files: FileStore) -> None:
    path = await anyio.to_thread.run_sync(files.add_bytes, b"out", "out.png")
    key = files.key_of(path)
    assert key is not None and key == await files.put(b"out", "out.png")


async def test_a_streamed_file_is_held_only_once_committed(files: FileStore) -> None:
    writer = await files.open_writer("big.bin", limit=20)
    await writer.write(b"x" * 10)
    await writer.write(b"y" * 10)
    assert writer.size == 20
    key = await writer.commit()
    assert await files.read(key) == b"x" * 10 + b"y" * 10


async def test_a_streamed_file_past_its_limit_is_dropped(files: FileStore) -> None:
    writer = await files.open_writer("big.bin", limit=10)
    await writer.write(b"x" * 10)
    with pytest.raises(FileTooLarge):
        await writer.write(b"x")
    await writer.discard()
    other = await files.open_writer("other.bin")
    await other.write(b"never committed")
    await other.discard()
    assert not files.root.is_dir() or not [p for p in files.root.glob("*/*.bin")]


async def test_byte_ranges_are_read(files: FileStore) -> None:
    key = await files.put(bytes(range(100)), "r.bin")
    assert await files.read(key, 10, 20) == bytes(range(10, 20))
    assert await files.read(key, 95) == bytes(range(95, 100))
    assert await files.read(key, 98, 500) == bytes([98, 99])
    chunks = [c async for c in files.open_reader(key, 0, 3)]
    assert b"".join(chunks) == bytes([0, 1, 2])
    with pytest.raises(FileNotFoundError):
        await files.read(key[:-5] + "x.bin")


async def test_expired_and_deleted_files_are_gone(files: FileStore) -> None:
    old = await files.put(b"old", "old.txt")
    assert await files.expire(-1) >= 1
    assert not await files.exists(old)
    kept = await files.put(b"kept", "kept.txt")
    assert await files.expire(3600) == 0 and await files.exists(kept)
    await files.delete(kept)
    assert not await files.exists(kept)


async def test_clear_deletes_what_this_store_wrote(files: FileStore) -> None:
    key = await files.put(b"mine", "m.txt")
    await files.clear()
    assert not await files.exists(key)


async def test_two_stores_over_one_cache_dir_see_each_others_files(
    files: FileStore, make_files: Callable[[Path], FileStore], tmp_path: Path
) -> None:
    other = make_files(tmp_path)
    key = await files.put(b"shared", "s.txt")
    assert await other.exists(key) and await other.read(key) == b"shared"
    assert await other.put(b"shared", "s.txt") == key, "one key signs for both"
    assert other.holds(await other.local_path(key))


# --- login tokens ---------------------------------------------------------------------------

TOKEN_TTL = 3600.0


@pytest.fixture(params=TOKEN_STORES)
def tokens(request: pytest.FixtureRequest, clock: Clock) -> TokenStore:
    made: TokenStore = request.param(clock, TOKEN_TTL)
    return made


async def test_an_issued_token_names_its_user_until_revoked(tokens: TokenStore) -> None:
    ann, bob = await tokens.issue("ann"), await tokens.issue("bob")
    assert ann != bob
    assert (await tokens.user(ann), await tokens.user(bob)) == ("ann", "bob")
    await tokens.revoke(ann)
    assert await tokens.user(ann) is None
    assert await tokens.user(bob) == "bob"
    await tokens.revoke(ann)


async def test_an_unknown_token_names_nobody(tokens: TokenStore) -> None:
    await tokens.issue("ann")
    assert await tokens.user("made-up") is None
    assert await tokens.user("") is None


async def test_a_token_expires_at_the_end_of_its_life(tokens: TokenStore, clock: Clock) -> None:
    old = await tokens.issue("ann")
    clock.advance(TOKEN_TTL / 2)
    young = await tokens.issue("ann")
    assert await tokens.expire() == 0
    clock.advance(TOKEN_TTL / 2)
    assert await tokens.user(old) is None
    assert await tokens.user(young) == "ann"
    assert await tokens.expire() == 1
    assert await tokens.user(young) == "ann"


# --- the login limiter ----------------------------------------------------------------------

LIMIT, WINDOW = 3, 60.0


@pytest.fixture(params=LIMITERS)
def limiter(request: pytest.FixtureRequest, clock: Clock) -> LoginLimiter:
    made: LoginLimiter = request.param(clock, LIMIT, WINDOW)
    return made


async def test_a_client_is_refused_after_the_limit_of_failures(
    limiter: LoginLimiter, clock: Clock
) -> None:
    for _ in range(LIMIT - 1):
        await limiter.failed("a")
        clock.advance(1)
    assert await limiter.retry_after("a") == 0
    await limiter.failed("a")
    # The oldest failure, 2 seconds ago, leaves the window in 58 seconds.
    assert 58 <= await limiter.retry_after("a") <= 59
    assert await limiter.retry_after("b") == 0


async def test_failures_leave_the_window_one_by_one(limiter: LoginLimiter, clock: Clock) -> None:
    await limiter.failed("a")
    clock.advance(WINDOW / 2)
    for _ in range(LIMIT - 1):
        await limiter.failed("a")
    assert await limiter.retry_after("a") > 0
    clock.advance(WINDOW / 2)
    assert await limiter.retry_after("a") == 0
    await limiter.failed("a")
    assert await limiter.retry_after("a") > 0


async def test_a_success_resets_the_client_only(limiter: LoginLimiter) -> None:
    for _ in range(LIMIT):
        await limiter.failed("a")
        await limiter.failed("b")
    await limiter.succeeded("a")
    assert await limiter.retry_after("a") == 0
    assert await limiter.retry_after("b") > 0


async def test_clients_with_no_recent_failure_are_forgotten(
    limiter: LoginLimiter, clock: Clock
) -> None:
    await limiter.failed("a")
    clock.advance(WINDOW / 2)
    await limiter.failed("b")
    assert await limiter.expire() == 0
    clock.advance(WINDOW / 2)
    assert await limiter.expire() == 1
    for _ in range(LIMIT - 1):
        await limiter.failed("b")
    assert await limiter.retry_after("b") > 0


# --- upload progress ------------------------------------------------------------------------


@pytest.fixture(params=UPLOAD_PROGRESS)
def uploads(request: pytest.FixtureRequest, clock: Clock) -> UploadProgress:
    made: UploadProgress = request.param(clock)
    return made


async def test_an_upload_reports_bytes_received_then_done(uploads: UploadProgress) -> None:
    assert await uploads.get("u") is None
    await uploads.start("u", 100)
    assert await uploads.get("u") == UploadState(0, 100, False)
    await uploads.add("u", 30)
    await uploads.add("u", 20)
    await uploads.start("other", None)
    assert await uploads.get("u") == UploadState(50, 100, False)
    await uploads.finish("u")
    assert await uploads.get("u") == UploadState(50, 100, True)
    assert await uploads.get("other") == UploadState(0, None, False)
    await uploads.forget("u")
    assert await uploads.get("u") is None


async def test_bytes_for_an_unknown_upload_are_ignored(uploads: UploadProgress) -> None:
    await uploads.add("never-started", 10)
    await uploads.finish("never-started")
    assert await uploads.get("never-started") is None


async def test_uploads_not_updated_for_a_while_expire(
    uploads: UploadProgress, clock: Clock
) -> None:
    await uploads.start("stalled", 100)
    await uploads.start("busy", 100)
    clock.advance(50)
    await uploads.add("busy", 1)
    clock.advance(20)
    assert await uploads.expire(60) == 1
    assert await uploads.get("stalled") is None
    assert await uploads.get("busy") == UploadState(1, 100, False)


# --- durations ------------------------------------------------------------------------------


@pytest.fixture(params=DURATIONS)
def durations(request: pytest.FixtureRequest) -> Durations:
    made: Durations = request.param()
    return made


async def test_the_mean_duration_is_kept_per_event(durations: Durations) -> None:
    assert durations.mean(0) is None
    assert await durations.add(0, 1.0) == 1.0
    assert await durations.add(0, 3.0) == 2.0
    await durations.add(1, 10.0)
    assert durations.mean(0) == 2.0
    assert durations.mean(1) == 10.0


async def test_an_eta_counts_the_rounds_of_jobs_ahead(durations: Durations) -> None:
    assert durations.eta(0, 3, 1) is None
    await durations.add(0, 2.0)
    # One at a time: rank 3 starts after four jobs; two at a time, after two rounds.
    assert durations.eta(0, 3, 1) == 8.0
    assert durations.eta(0, 3, 2) == 4.0
    assert durations.eta(0, 0, 1) == 2.0
    assert durations.eta(0, 5, None) == 2.0
