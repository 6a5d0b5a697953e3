"""``POST /gradio_api/component_server``: a gr.HTML's server_functions, called from its JS."""

from __future__ import annotations

from typing import Any

import pytest

import limelight as gr
from tests.support import asgi_client

pytestmark = pytest.mark.anyio

URL = "/gradio_api/component_server"


def word_count(text: str) -> int:
    return len(text.split())


def add(a: int, b: int) -> int:
    return a + b


async def slow_upper(text: str) -> str:
    return text.upper()


def refuse(text: str) -> str:
    raise gr.Error("No thanks.")


def crash(text: str) -> str:
    raise RuntimeError("secret internals")


def make_app() -> tuple[gr.Blocks, int]:
    with gr.Blocks() as demo:
        html = gr.HTML(server_functions=[word_count, add, slow_upper, refuse, crash])
        gr.Textbox()
    return demo, html.id


def body(component_id: int, fn_name: str, data: Any) -> dict[str, Any]:
    return {"session_hash": "s", "component_id": component_id, "fn_name": fn_name, "data": data}


async def test_calls_return_json() -> None:
    demo, html = make_app()
    async with asgi_client(demo) as client:
        one = await client.post(URL, json=body(html, "word_count", "a b c"))
        two = await client.post(URL, json=body(html, "add", [2, 3]))
        coro = await client.post(URL + "/", json=body(html, "slow_upper", "hi"))
    assert (one.status_code, one.json()) == (200, 3)
    assert (two.status_code, two.json()) == (200, 5)
    assert (coro.status_code, coro.json()) == (200, "HI")


@pytest.mark.parametrize(
    ("payload", "status"),
    [
        ({"component_id": 1, "fn_name": "nope", "data": 1}, 404),
        ({"component_id": 99999, "fn_name": "word_count", "data": "x"}, 404),
        ({"fn_name": "word_count", "data": "x"}, 422),
        ({"component_id": "abc", "fn_name": "word_count"}, 422),
        ([1, 2], 422),
    ],
)
async def test_bad_calls_are_4xx(payload: Any, status: int) -> None:
    demo, html = make_app()
    if isinstance(payload, dict) and payload.get("component_id") == 1:
        payload["component_id"] = html
    async with asgi_client(demo) as client:
        response = await client.post(URL, json=payload)
        garbled = await client.post(URL, content=b"{", headers={"content-type": "application/json"})
    assert response.status_code == status, response.text
    assert garbled.status_code == 400


async def test_only_listed_functions_of_html_blocks_run() -> None:
    demo, html = make_app()
    textbox = html + 1
    async with asgi_client(demo) as client:
        method = await client.post(URL, json=body(html, "preprocess", "x"))
        other = await client.post(URL, json=body(textbox, "preprocess", "x"))
    assert method.status_code == 404
    assert other.status_code == 404


async def test_failures_are_errors_without_internals() -> None:
    demo, html = make_app()
    async with asgi_client(demo) as client:
        refused = await client.post(URL, json=body(html, "refuse", "x"))
        crashed = await client.post(URL, json=body(html, "crash", "x"))
        wrong = await client.post(URL, json=body(html, "add", [1, 2, 3]))
    assert (refused.status_code, refused.json()["detail"]) == (400, "No thanks.")
    assert crashed.status_code == 400 and "secret" not in crashed.text
    assert wrong.status_code == 400
