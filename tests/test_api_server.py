"""``gr.Server``: a FastAPI application with API endpoints and MCP marks (what it records
and refuses; served and called in ``tests/compat/test_api_server_client.py``)."""

from __future__ import annotations

import inspect

import pytest

import limelight as gr
from limelight.blocks import Blocks
from limelight.exceptions import UnsupportedOption

fastapi = pytest.importorskip("fastapi")


def add(a: int, b: int) -> int:
    """Add two numbers."""
    return a + b


def test_a_server_is_a_fastapi_application_taking_fastapis_keywords() -> None:
    server = gr.Server(title="Calculator", docs_url=None)
    assert isinstance(server, fastapi.FastAPI)
    assert server.title == "Calculator"
    assert server.docs_url is None


def test_api_returns_the_function_and_records_its_options() -> None:
    server = gr.Server()
    assert server.api(add, name="plus") is add
    decorated = server.api(name="sum", concurrency_limit=2)(add)
    assert decorated is add
    assert [(fn, options["api_name"]) for fn, options in server.endpoints] == [
        (add, "plus"),
        (add, "sum"),
    ]
    assert server.endpoints[1][1]["concurrency_limit"] == 2


def test_mcp_decorators_record_each_function_in_order_and_return_it() -> None:
    server = gr.Server()

    @server.mcp.tool(name="add", description="Adds.")
    @server.api(name="add")
    def adder(a: int, b: int) -> int:
        return a + b

    @server.mcp.resource("greeting://{name}", mime_type="text/markdown")
    def greeting(name: str) -> str:
        return f"# Hello {name}"

    @server.mcp.prompt()
    def review(code: str) -> str:
        return f"Review this: {code}"

    assert adder(1, 2) == 3
    marks = [(m.kind, m.name, m.fn) for m in server.mcp.registered]
    assert marks == [
        ("tool", "add", adder),
        ("resource", "greeting://{name}", greeting),
        ("prompt", None, review),
    ]
    assert server.mcp.registered[0].options["description"] == "Adds."
    assert server.mcp.registered[1].options["mime_type"] == "text/markdown"


def test_launch_takes_launchs_keywords() -> None:
    theirs = set(inspect.signature(Blocks.launch).parameters) - {"allowed_origins", "_app"}
    assert set(inspect.signature(gr.Server.launch).parameters) == theirs


def test_mcp_server_is_refused_and_the_server_can_launch_later() -> None:
    server = gr.Server()
    server.api(add, name="add")
    with pytest.raises(UnsupportedOption, match="mcp_server=True"):
        server.launch(mcp_server=True, prevent_thread_lock=True, quiet=True)
    assert server.blocks is None
    assert not any(getattr(route, "path", None) == "" for route in server.routes)
