"""Two servers of one app over one Redis, as two processes behind a load balancer without
sticky sessions: what one replica writes, the other reads. (The queue is still each
process's own, so a job runs on the replica it was joined on.)"""

from __future__ import annotations

import contextlib
import itertools
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path

import httpx
import pytest
from starlette.applications import Starlette

import limelight as gr
from limelight.backends.select import implementations
from limelight.core import block as block_module
from limelight.core.events import EventListener
from limelight.server import create_app
from limelight.server.auth import Authenticator
from limelight.server.services import ServerSettings, Services
from tests.server.session_support import keyed_app
from tests.support import (
    completion,
    join,
    kinds,
    read_session,
    run_event,
    sse_messages,
    wait_until,
)

pytestmark = pytest.mark.anyio


def counter() -> gr.Blocks:
    with gr.Blocks() as demo:
        count = gr.State(0)
        shown = gr.Number()

        def add_one(value: int) -> tuple[int, int]:
            return value + 1, value + 1

        gr.Button("+1").click(add_one, count, [count, shown])
    return demo


Replica = tuple[Starlette, httpx.AsyncClient]


@asynccontextmanager
async def replicas(
    redis_url: str,
    monkeypatch: pytest.MonkeyPatch,
    settings: ServerSettings | None = None,
    make: Callable[[], gr.Blocks] = counter,
) -> AsyncIterator[list[Replica]]:
    """Two servers (and a client of each), each built from its own run of the app's script
    (the same block ids, as in two processes), sharing the Redis backend."""
    start = next(block_module._ids) + 1000
    made: list[Replica] = []
    async with contextlib.AsyncExitStack() as stack:
        for _ in range(2):
            monkeypatch.setattr(block_module, "_ids", itertools.count(start))
            demo = make()
            config = settings or ServerSettings()
            asgi = create_app(
                demo, config, implementations=implementations(redis_url, demo, config)
            )
            await stack.enter_async_context(asgi.router.lifespan_context(asgi))
            transport = httpx.ASGITransport(app=asgi)
            client = httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1:7860")
            made.append((asgi, await stack.enter_async_context(client)))
        yield made


async def test_state_written_through_one_replica_is_read_through_another(
    redis_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with replicas(redis_url, monkeypatch) as [(_, a), (_, b)]:
        first = completion(await run_event(a, 0, [None], session_hash="s"))
        second = completion(await run_event(b, 0, [None], session_hash="s"))
        third = completion(await run_event(a, 0, [None], session_hash="s"))
    assert [done["output"]["data"][1] for done in (first, second, third)] == [1, 2, 3]


async def test_a_stream_read_on_another_replica_gets_the_jobs_messages(
    redis_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with replicas(redis_url, monkeypatch) as [(first, a), (_, b)]:
        event_id = await join(a, 0, [None], session_hash="s")
        services: Services = first.state.services

        async def finished() -> bool:
            return not await services.queue.pending("s")

        # The job runs on A (the queue is A's); its messages wait in Redis for B's reader.
        await wait_until(finished, timeout=10)
        messages = await read_session(b, "s")
    assert kinds(messages)[-2:] == ["process_completed", "close_stream"]
    assert completion(messages, event_id)["output"]["data"][1] == 1


async def test_a_login_on_one_replica_is_valid_on_the_other(
    redis_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = ServerSettings(auth=Authenticator(("ann", "pw"), None))
    async with replicas(redis_url, monkeypatch, settings) as [(_, a), (_, b)]:
        assert (await b.get("/login_check")).status_code == 401
        login = await a.post("/login", data={"username": "ann", "password": "pw"})
        assert login.status_code == 200, login.text
        b.cookies = a.cookies
        assert (await b.get("/login_check")).status_code == 200
        assert (await a.get("/logout")).status_code in (200, 302, 303, 307)
        assert (await b.get("/login_check")).status_code == 401


async def test_a_listener_rendered_on_one_replica_runs_on_another(
    redis_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with replicas(redis_url, monkeypatch, make=keyed_app) as [(_, a), (_, b)]:
        rendered = completion(await run_event(a, 0, ["ab"], session_hash="s"))
        listener = rendered["output"]["render_config"]["dependencies"][0]
        button = listener["targets"][0][0]
        event_id = await join(b, listener["id"], ["xy"], session_hash="s", trigger_id=button)
        done = completion(await read_session(b, "s"), event_id)
    assert done["success"], done
    assert done["output"]["data"] == ["XYa"]


async def test_files_and_upload_progress_of_one_replica_are_served_by_another(
    redis_url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The replicas share the file store's folder (and so its key) and the upload progress."""
    settings = ServerSettings(cache_dir=str(tmp_path))
    async with replicas(redis_url, monkeypatch, settings) as [(_, a), (_, b)]:
        uploaded = await a.post(
            "/gradio_api/upload?upload_id=u", files=[("files", ("notes.txt", b"hello"))]
        )
        [path] = uploaded.json()
        progress = await b.get("/gradio_api/upload_progress", params={"upload_id": "u"})
        served = await b.get(f"/gradio_api/file={path}")
    assert sse_messages(progress.text)[-1] == {"msg": "done"}
    assert served.status_code == 200 and served.content == b"hello"


class StreamingTextbox(gr.Textbox):
    """A textbox that fires ``stream``."""

    stream = EventListener("stream")


def streaming(calls: list[str]) -> Callable[[], gr.Blocks]:
    def make() -> gr.Blocks:
        def echo(value: str) -> str:
            calls.append(value)
            return f"got {value}"

        with gr.Blocks() as demo:
            source = StreamingTextbox()
            out = gr.Textbox()
            source.stream(echo, source, out)
        return demo

    return make


async def test_the_chunks_of_a_media_stream_reach_its_job_through_redis(
    redis_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []
    async with replicas(redis_url, monkeypatch, make=streaming(calls)) as [(_, a), _]:
        event_id = await join(a, 0, ["a"], "s")
        await wait_until(lambda: calls == ["a"])
        body = {"data": ["b"], "fn_index": 0, "session_hash": "s"}
        assert (await a.post(f"/gradio_api/stream/{event_id}", json=body)).status_code == 200
        await wait_until(lambda: calls == ["a", "b"])
        await a.post(f"/gradio_api/stream/{event_id}/close")
        messages = await read_session(a, "s")
    assert completion(messages)["output"]["data"] == ["got b"]
