"""The official gradio_client calls an app mounted in a FastAPI host that uvicorn serves,
while the host's own routes and lifespan keep working."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx
import pytest

import limelight as gr
from tests.support import serving

gradio_client = pytest.importorskip("gradio_client")
fastapi = pytest.importorskip("fastapi")
from gradio_client import Client  # noqa: E402

pytestmark = pytest.mark.compat


def _host() -> Any:
    @asynccontextmanager
    async def lifespan(app: Any) -> AsyncIterator[dict[str, str]]:
        yield {"greeting": "hello from the host"}

    host = fastapi.FastAPI(lifespan=lifespan)

    @host.get("/")
    def main(request: fastapi.Request) -> dict[str, str]:
        return {"greeting": request.state.greeting}

    return host


def test_the_client_calls_a_mounted_app_next_to_the_hosts_routes() -> None:
    def count(text: str, request: gr.Request) -> tuple[int, str]:
        return len(text), request.state.greeting

    with gr.Blocks() as demo:
        text = gr.Textbox()
        size, greeting = gr.Number(), gr.Textbox()
        text.submit(count, text, [size, greeting], api_name="count")
    host = gr.mount_gradio_app(_host(), demo, "/gradio")
    with serving(host) as url:
        assert httpx.get(f"{url}/").json() == {"greeting": "hello from the host"}
        client = Client(f"{url}/gradio/", verbose=False)
        assert client.predict("four", api_name="/count") == (4, "hello from the host")


def test_a_streaming_event_streams_through_the_mount() -> None:
    def letters(text: str) -> Any:
        for end in range(1, len(text) + 1):
            yield text[:end]

    demo = gr.Interface(letters, "textbox", "textbox", api_name="letters")
    with serving(gr.mount_gradio_app(_host(), demo, "/apps/letters")) as url:
        job = Client(f"{url}/apps/letters", verbose=False).submit("abc", api_name="/letters")
        assert job.result() == "abc"
        assert list(job) == ["a", "ab", "abc"]
