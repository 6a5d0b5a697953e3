"""``gr.Request``: what a function learns about the HTTP request behind its event, the same
whichever route started it (the queue, ``/gradio_api/call``, ``/gradio_api/run``), as in
Gradio 6.31 (its values for the same requests are what these tests expect)."""

from __future__ import annotations

import pickle
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any

import anyio
import httpx
import pytest
from starlette.datastructures import URL, Headers, QueryParams
from starlette.requests import Request as StarletteRequest

import limelight as gr
from limelight.server.auth import Authenticator
from limelight.server.services import ServerSettings
from tests.support import asgi_app_and_client, get_until_disconnect, read_session, run_event

pytestmark = pytest.mark.anyio

QUERY = "?foo=bar&n=1"
HEADERS = {"X-Custom": "yes"}


def recording_app() -> tuple[gr.Blocks, list[gr.Request]]:
    seen: list[gr.Request] = []

    def echo(text: str, request: gr.Request) -> str:
        seen.append(request)
        return text

    with gr.Blocks() as demo:
        box = gr.Textbox()
        box.submit(echo, box, box, api_name="echo")
    return demo, seen


async def via_queue(client: httpx.AsyncClient) -> None:
    joined = await client.post(
        "/gradio_api/queue/join" + QUERY,
        json={"data": ["hi"], "fn_index": 0, "session_hash": "sess1"},
        headers=HEADERS,
    )
    assert joined.status_code == 200, joined.text
    await read_session(client, "sess1")


async def via_call(client: httpx.AsyncClient) -> None:
    started = await client.post(
        "/gradio_api/call/echo" + QUERY, json={"data": ["hi"]}, headers=HEADERS
    )
    event_id = started.json()["event_id"]
    stream = await client.get(f"/gradio_api/call/echo/{event_id}")
    assert "event: complete" in stream.text


async def via_run(client: httpx.AsyncClient) -> None:
    answer = await client.post(
        "/gradio_api/run/echo" + QUERY, json={"data": ["hi"]}, headers=HEADERS
    )
    assert answer.json()["data"] == ["hi"]


ROUTES: dict[str, tuple[Callable[[httpx.AsyncClient], Awaitable[None]], str]] = {
    "queue": (via_queue, "/gradio_api/queue/join"),
    "call": (via_call, "/gradio_api/call/echo"),
    "run": (via_run, "/gradio_api/run/echo"),
}


@asynccontextmanager
async def request_via(
    route: str, settings: ServerSettings | None = None
) -> AsyncIterator[gr.Request]:
    demo, seen = recording_app()
    send, _ = ROUTES[route]
    async with asgi_app_and_client(demo, settings) as (_, client):
        client.cookies.update({"theme": "dark", "lang": "en"})
        await send(client)
        (request,) = seen
        yield request


@pytest.mark.parametrize("route", ROUTES)
async def test_headers_are_a_case_insensitive_mapping(route: str) -> None:
    async with request_via(route) as request:
        assert isinstance(request.headers, Headers)
        assert request.headers["x-custom"] == request.headers["X-Custom"] == "yes"
        assert dict(request.headers)["host"] == "127.0.0.1:7860"


@pytest.mark.parametrize("route", ROUTES)
async def test_cookies_read_as_a_dict_and_as_attributes(route: str) -> None:
    async with request_via(route) as request:
        assert request.cookies == {"theme": "dark", "lang": "en"}
        assert request.cookies.theme == "dark"


@pytest.mark.parametrize("route", ROUTES)
async def test_query_params_are_those_of_the_request(route: str) -> None:
    async with request_via(route) as request:
        assert isinstance(request.query_params, QueryParams)
        assert dict(request.query_params) == {"foo": "bar", "n": "1"}


@pytest.mark.parametrize("route", ROUTES)
async def test_url_is_the_full_url_of_the_request(route: str) -> None:
    async with request_via(route) as request:
        assert isinstance(request.url, URL)
        assert str(request.url) == "http://127.0.0.1:7860" + ROUTES[route][1] + QUERY
        assert str(request.base_url) == "http://127.0.0.1:7860/"


@pytest.mark.parametrize("route", ROUTES)
async def test_method_and_client(route: str) -> None:
    async with request_via(route) as request:
        assert request.method == "POST"
        assert request.client.host == "127.0.0.1"
        assert isinstance(request.client.port, int)


@pytest.mark.parametrize("route", ROUTES)
async def test_path_params_are_those_of_the_route(route: str) -> None:
    async with request_via(route) as request:
        expected = {} if route == "queue" else {"api_name": "echo"}
        assert request.path_params == expected


@pytest.mark.parametrize("route", ROUTES)
async def test_request_is_the_starlette_request_and_state_its_state(route: str) -> None:
    async with request_via(route) as request:
        assert isinstance(request.request, StarletteRequest)
        assert request.state is request.request.state


async def test_session_hash_per_route() -> None:
    async with request_via("queue") as request:
        assert request.session_hash == "sess1"
    async with request_via("call") as request:
        # Like Gradio's: a made-up hex string per call.
        assert isinstance(request.session_hash, str)
        assert len(request.session_hash) == 32 and int(request.session_hash, 16) >= 0
    async with request_via("run") as request:
        assert request.session_hash is None


@pytest.mark.parametrize("route", ROUTES)
async def test_username_is_none_without_auth(route: str) -> None:
    async with request_via(route) as request:
        assert request.username is None


@pytest.mark.parametrize("route", ROUTES)
async def test_username_is_the_logged_in_user(route: str) -> None:
    demo, seen = recording_app()
    settings = ServerSettings(auth=Authenticator([("ada", "pw")], None))
    async with asgi_app_and_client(demo, settings) as (_, client):
        await client.post("/login", data={"username": "ada", "password": "pw"})
        await ROUTES[route][0](client)
    assert [r.username for r in seen] == ["ada"]


async def test_load_and_gr_on_listeners_get_the_request() -> None:
    seen: list[tuple[str, gr.Request]] = []

    def loaded(request: gr.Request) -> str:
        seen.append(("load", request))
        return "loaded"

    def changed(text: str, request: gr.Request) -> str:
        seen.append(("on", request))
        return text

    with gr.Blocks() as demo:
        box = gr.Textbox()
        demo.load(loaded, None, box)
        gr.on([box.change], changed, box, box)
    async with asgi_app_and_client(demo) as (_, client):
        for fn_index, data in ((0, []), (1, ["x"])):
            await client.post(
                "/gradio_api/queue/join?page=1",
                json={"data": data, "fn_index": fn_index, "session_hash": "s"},
            )
            await read_session(client, "s")
    assert [kind for kind, _ in seen] == ["load", "on"]
    for _, request in seen:
        assert (request.session_hash, dict(request.query_params)) == ("s", {"page": "1"})


async def test_unload_listeners_get_the_heartbeat_request() -> None:
    seen: list[gr.Request] = []

    def unload(request: gr.Request) -> None:
        seen.append(request)

    with gr.Blocks() as demo:
        gr.Button().click(lambda: None)
        demo.unload(unload)
    async with asgi_app_and_client(demo, ServerSettings(heartbeat_interval=60)) as (app, client):
        await run_event(client, 0, [], session_hash="page1")  # a session the app knows
        gone = anyio.Event()
        gone.set()
        await get_until_disconnect(app, "/gradio_api/heartbeat/page1", "", gone)
    (request,) = seen
    assert request.session_hash == "page1"
    assert request.url.path == "/gradio_api/heartbeat/page1"
    assert request.headers["HOST"] == "127.0.0.1:7860"


def test_pickling_keeps_plain_values() -> None:
    scope: dict[str, Any] = {
        "type": "http",
        "method": "POST",
        "scheme": "http",
        "path": "/gradio_api/run/echo",
        "query_string": b"a=1",
        "headers": [(b"host", b"h:1"), (b"cookie", b"c=v")],
        "client": ("10.0.0.1", 5000),
        "server": ("h", 1),
        "path_params": {"api_name": "echo"},
    }
    copy = pickle.loads(pickle.dumps(gr.Request(StarletteRequest(scope), "ada", "s1")))
    assert copy.request is None
    assert (copy.username, copy.session_hash) == ("ada", "s1")
    assert copy.headers == {"host": "h:1", "cookie": "c=v"}
    assert (copy.cookies.c, copy.query_params, copy.path_params) == (
        "v",
        {"a": "1"},
        {"api_name": "echo"},
    )
    assert (copy.client.host, copy.client.port) == ("10.0.0.1", 5000)
    assert copy.url == "http://h:1/gradio_api/run/echo?a=1"


def test_a_request_without_one_behind_it_has_only_what_it_was_given() -> None:
    request = gr.Request(headers={"a": "b"}, session_hash="s")
    assert (request.headers, request.session_hash, request.username) == ({"a": "b"}, "s", None)
    with pytest.raises(AttributeError, match="cookies"):
        _ = request.cookies
