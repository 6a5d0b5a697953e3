"""``gr.Server``: a FastAPI application with API endpoints and MCP marks (what it records;
served and called in ``tests/compat/test_api_server_client.py``)."""

from __future__ import annotations

import inspect

import pytest

import limelight as gr
from limelight.interfaces.blocks import Blocks
from limelight.mcp import mark_of

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


def test_mcp_decorators_mark_each_function_as_gr_mcp_does_and_return_it() -> None:
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
    marks = [mark_of(fn) for fn in (adder, greeting, review)]
    assert [(m.kind, m.name, m.description) for m in marks if m is not None] == [
        ("tool", "add", "Adds."),
        ("resource", None, None),
        ("prompt", None, None),
    ]
    assert marks[1] is not None and marks[1].uri_template == "greeting://{name}"
    assert marks[1].mime_type == "text/markdown"


def test_launch_takes_launchs_keywords() -> None:
    # limelight's own launch keywords; a gr.Server takes its file store from LIMELIGHT_FILE_STORE
    own = {"allowed_origins", "file_store", "_app"}
    theirs = set(inspect.signature(Blocks.launch).parameters) - own
    assert set(inspect.signature(gr.Server.launch).parameters) == theirs
