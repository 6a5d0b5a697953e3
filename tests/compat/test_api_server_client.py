"""A ``gr.Server`` served by ``launch()``: gradio_client calls its ``@api`` endpoints, and
its own FastAPI routes and lifespan work next to them."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from typing import Any

import httpx
import pytest

import limelight as gr
from tests.support import free_port

gradio_client = pytest.importorskip("gradio_client")
fastapi = pytest.importorskip("fastapi")
from fastapi.responses import HTMLResponse  # noqa: E402
from gradio_client import Client  # noqa: E402

pytestmark = pytest.mark.compat


@pytest.fixture
def launched() -> Iterator[list[gr.Server]]:
    """Servers the test launches, closed after it."""
    servers: list[gr.Server] = []
    yield servers
    for server in servers:
        assert server.blocks is not None
        server.blocks.close(verbose=False)


def _launch(server: gr.Server, servers: list[gr.Server], **options: Any) -> str:
    result = server.launch(
        server_name="127.0.0.1",
        server_port=free_port(),
        prevent_thread_lock=True,
        quiet=True,
        **options,
    )
    servers.append(server)
    assert result.app is server
    return result.local_url


def test_the_client_calls_api_endpoints_next_to_the_servers_own_routes(
    launched: list[gr.Server],
) -> None:
    seen: list[str] = []

    @asynccontextmanager
    async def lifespan(app: Any) -> AsyncIterator[None]:
        seen.append("started")
        yield

    server = gr.Server(lifespan=lifespan)

    @server.mcp.tool(name="add")
    @server.api(name="add")
    def add(a: int, b: int) -> int:
        """Add two numbers together."""
        return a + b

    @server.api(name="count_up")
    def count_up(n: int) -> Any:
        yield from range(1, n + 1)

    @server.get("/", response_class=HTMLResponse)
    async def homepage() -> str:
        return "<h1>Calculator</h1>"

    url = _launch(server, launched)
    assert seen == ["started"]
    assert httpx.get(url).text == "<h1>Calculator</h1>"
    assert httpx.get(f"{url}openapi.json").status_code == 200
    info = httpx.get(f"{url}gradio_api/info").json()
    assert info["named_endpoints"]["/add"]["description"] == "Add two numbers together."
    client = Client(url, verbose=False)
    assert client.predict(a=2, b=3, api_name="/add") == 5
    job = client.submit(3, api_name="/count_up")
    assert job.result() == 3
    assert list(job) == [1, 2, 3]


def test_launch_keywords_apply_to_the_api(launched: list[gr.Server]) -> None:
    def echo(text: str) -> str:
        return text

    server = gr.Server()
    server.api(echo, name="echo")

    @server.get("/health")
    def health() -> dict[str, bool]:
        return {"ok": True}

    url = _launch(server, launched, auth=("ada", "lovelace"))
    assert httpx.get(f"{url}health").json() == {"ok": True}
    assert httpx.get(f"{url}gradio_api/info").status_code == 401
    client = Client(url, auth=("ada", "lovelace"), verbose=False)
    assert client.predict("hi", api_name="/echo") == "hi"


@pytest.mark.anyio
async def test_launch_with_mcp_server_offers_the_api_functions_as_tools(
    launched: list[gr.Server],
) -> None:
    mcp = pytest.importorskip("mcp")
    server = gr.Server()

    @server.mcp.tool(name="add")
    @server.api(name="add")
    def add(a: int, b: int) -> int:
        """Add two numbers together."""
        return a + b

    url = _launch(server, launched, mcp_server=True)
    async with mcp.Client(url + "gradio_api/mcp/") as client:
        tools = {tool.name: tool for tool in (await client.list_tools()).tools}
        result = await client.call_tool("add", {"a": 2, "b": 3})
    assert tools["add"].description == "Add two numbers together."
    assert [c.text for c in result.content] == ["5"]
