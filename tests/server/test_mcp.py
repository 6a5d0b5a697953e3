"""The MCP server (``launch(mcp_server=True)``) as MCP clients see it: the official SDK's
own client against a live server on 127.0.0.1, over streamable HTTP and SSE."""

from __future__ import annotations

import base64
import sys
from collections.abc import Callable
from pathlib import Path

import httpx
import httpx2
import pytest
from mcp import Client
from mcp.client.sse import sse_client
from mcp.client.streamable_http import streamable_http_client
from mcp.shared.exceptions import MCPError

import limelight as gr
from limelight.server import create_app

pytestmark = pytest.mark.anyio


def letter_counter(word: str, letter: str) -> int:
    """
    Count the number of occurrences of a letter in a word or text.

    Args:
        word (str): The input text to search through
        letter (str): The letter to search for

    Returns:
        int: how many times the letter appears
    """
    return word.lower().count(letter.lower())


def hidden(text: str) -> str:
    return text


def counter_app() -> gr.Blocks:
    with gr.Blocks() as demo:
        word, letter, count = gr.Textbox("strawberry"), gr.Textbox("r"), gr.Number()
        gr.Button().click(letter_counter, [word, letter], count, api_name="predict")
        gr.Button().click(hidden, word, letter, api_visibility="private")
        gr.Button().click(hidden, word, letter, api_name="quiet", api_description=False)
    return demo


def mcp_url(serve: Callable[..., str], demo: gr.Blocks) -> str:
    return serve(demo, mcp_server=True) + "gradio_api/mcp/"


async def test_every_public_endpoint_is_a_tool_described_by_its_docstring(
    serve: Callable[..., str],
) -> None:
    async with Client(mcp_url(serve, counter_app())) as client:
        tools = {t.name: t for t in (await client.list_tools()).tools}
    assert sorted(tools) == ["hidden", "letter_counter"]
    counter = tools["letter_counter"]
    assert counter.description == (
        "Count the number of occurrences of a letter in a word or text. "
        "Returns: int: how many times the letter appears"
    )
    assert counter.input_schema["properties"] == {
        "word": {
            "type": "string",
            "description": "The input text to search through",
            "default": "strawberry",
        },
        "letter": {"type": "string", "description": "The letter to search for", "default": "r"},
    }
    assert tools["hidden"].description == ""  # api_description=False


async def test_a_tool_call_runs_the_function_and_left_out_arguments_take_defaults(
    serve: Callable[..., str],
) -> None:
    async with Client(mcp_url(serve, counter_app())) as client:
        given = await client.call_tool("letter_counter", {"word": "banana", "letter": "a"})
        defaulted = await client.call_tool("letter_counter", {})
    assert not given.is_error
    assert [c.text for c in given.content] == ["3"]  # type: ignore[union-attr]
    assert [c.text for c in defaulted.content] == ["3"]  # type: ignore[union-attr]


async def test_errors_are_tool_errors_and_gr_error_messages_show(
    serve: Callable[..., str],
) -> None:
    def refuse(n: str) -> str:
        if n == "shown":
            raise gr.Error("not that one")
        raise ValueError("secret detail")

    demo = gr.Interface(refuse, "text", "text", api_name="refuse")
    async with Client(mcp_url(serve, demo)) as client:
        shown = await client.call_tool("refuse", {"n": "shown"})
        hidden_error = await client.call_tool("refuse", {"n": "other"})
        unknown = await client.call_tool("no_such_tool", {})
        bad = await client.call_tool("refuse", {"nope": 1})
    assert shown.is_error and shown.content[0].text == "Error: not that one"  # type: ignore[union-attr]
    assert hidden_error.is_error
    assert "secret" not in hidden_error.content[0].text  # type: ignore[union-attr]
    assert "show_error=True" in hidden_error.content[0].text  # type: ignore[union-attr]
    assert unknown.is_error and "no_such_tool" in unknown.content[0].text  # type: ignore[union-attr]
    assert bad.is_error and "nope" in bad.content[0].text  # type: ignore[union-attr]


async def test_gr_progress_reaches_the_client_as_progress_notifications(
    serve: Callable[..., str],
) -> None:
    def reverse(text: str, progress: gr.Progress = gr.Progress()) -> str:  # noqa: B008
        progress(0.5, desc="Reversing")
        return text[::-1]

    demo = gr.Interface(reverse, "text", "text")
    seen: list[tuple[float, str | None]] = []

    async def on_progress(value: float, total: float | None, message: str | None) -> None:
        seen.append((value, message))

    async with Client(mcp_url(serve, demo)) as client:
        result = await client.call_tool("reverse", {"text": "abc"}, progress_callback=on_progress)
    assert result.content[0].text == "cba"  # type: ignore[union-attr]
    messages = [m for _, m in seen]
    assert messages[0] == "Queued: position 1 of 1."
    assert "Processing." in messages
    assert "Reversing: 50%" in messages
    values = [v for v, _ in seen]
    assert values == sorted(values) and len(set(values)) == len(values)


async def test_files_go_in_and_out_as_urls_and_images_as_image_content(
    serve: Callable[..., str], tmp_path: Path
) -> None:
    png = _png(tmp_path / "dot.png")

    def make_image() -> str:
        """Make an image."""
        return str(png)

    def file_size(path: str) -> int:
        """How many bytes a file has."""
        return Path(path).stat().st_size

    with gr.Blocks() as demo:
        image, file_in, size = gr.Image(type="filepath"), gr.File(type="filepath"), gr.Number()
        gr.Button().click(make_image, None, image)
        gr.Button().click(file_size, file_in, size)
    async with Client(mcp_url(serve, demo)) as client:
        tools = {t.name: t for t in (await client.list_tools()).tools}
        made = await client.call_tool("make_image", {})
        picture, link = made.content
        url = link.text.removeprefix("Image URL: ")  # type: ignore[union-attr]
        sized = await client.call_tool("file_size", {"path": url})
        data_url = "data:text/plain;base64," + base64.b64encode(b"hello").decode()
        from_data = await client.call_tool("file_size", {"path": data_url})
        refused = [
            await client.call_tool("file_size", {"path": path})
            for path in (
                "/etc/passwd",
                "http://elsewhere.example/gradio_api/file=/etc/passwd",
                url.split("/gradio_api/file=")[0] + "/gradio_api/file=/etc/passwd",
            )
        ]
    assert tools["file_size"].input_schema["properties"]["path"]["type"] == "string"
    assert picture.type == "image" and picture.mime_type == "image/png"  # type: ignore[union-attr]
    assert base64.b64decode(picture.data) == png.read_bytes()  # type: ignore[union-attr]
    assert url.startswith("http://127.0.0.1:") and "/gradio_api/file=" in url
    assert sized.content[0].text == str(png.stat().st_size)  # type: ignore[union-attr]
    assert from_data.content[0].text == "5"  # type: ignore[union-attr]
    assert all(r.is_error for r in refused)


def _png(path: Path) -> Path:
    from PIL import Image  # the test's own fixture: pillow is a dev dependency

    Image.new("RGB", (3, 2), "red").save(path)
    return path


def get_greeting(name: str) -> str:
    """Get a personalized greeting"""
    return f"Hello, {name}!"


def greet_user(name: str, style: str = "friendly") -> str:
    """Generate a greeting prompt

    Args:
        name: who to greet
    """
    return f"Write a {style} greeting for {name}."


async def test_marked_functions_are_resources_and_prompts_not_tools(
    serve: Callable[..., str],
) -> None:
    demo = gr.TabbedInterface(
        [
            gr.Interface(gr.mcp.resource("greeting://{name}")(get_greeting), "text", "text"),
            gr.Interface(gr.mcp.prompt()(greet_user), ["text", "text"], "text"),
            gr.Interface(gr.mcp.tool(name="adder")(lambda a, b: a + b), ["number"] * 2, "number"),
        ]
    )
    async with Client(mcp_url(serve, demo)) as client:
        tools = [t.name for t in (await client.list_tools()).tools]
        templates = (await client.list_resource_templates()).resource_templates
        read = await client.read_resource("greeting://Alice")
        prompts = (await client.list_prompts()).prompts
        prompted = await client.get_prompt("greet_user", {"name": "Bob", "style": "formal"})
        with pytest.raises(MCPError, match="Resource not found"):
            await client.read_resource("other://x")
    assert tools == ["adder"]
    assert [(t.uri_template, t.name, t.description) for t in templates] == [
        ("greeting://{name}", "get_greeting", "Get a personalized greeting")
    ]
    assert read.contents[0].text == "Hello, Alice!"  # type: ignore[union-attr]
    args = [(a.name, a.description, a.required) for a in prompts[0].arguments or []]
    assert args == [("name", "who to greet", True), ("style", "", False)]
    assert prompted.messages[0].content.text == "Write a formal greeting for Bob."  # type: ignore[union-attr]


async def test_gr_api_endpoints_are_tools_typed_by_their_hints(serve: Callable[..., str]) -> None:
    def slice_list(lst: list[int], start: int, end: int) -> list[int]:
        """Slice a list.

        Args:
            lst: The list to slice.
        """
        return lst[start:end]

    with gr.Blocks() as demo:
        gr.api(slice_list)
    async with Client(mcp_url(serve, demo)) as client:
        (tool,) = (await client.list_tools()).tools
        result = await client.call_tool("slice_list", {"lst": [1, 2, 3, 4], "start": 1, "end": 3})
    assert tool.input_schema["required"] == ["lst", "start", "end"]
    assert tool.input_schema["properties"]["lst"]["description"] == "The list to slice."
    assert result.content[0].text == "[2, 3]"  # type: ignore[union-attr]


async def test_gr_header_parameters_read_the_mcp_request_and_the_schema_names_them(
    serve: Callable[..., str],
) -> None:
    def on_behalf(prompt: str, x_api_token: gr.Header) -> str:
        """Answer with the caller's token."""
        return f"{prompt} as {x_api_token}"

    url = mcp_url(serve, gr.Interface(on_behalf, "text", "text"))
    (schema,) = httpx.get(url + "schema").json()
    http = httpx2.AsyncClient(headers={"X-Api-Token": "t0k"})  # the SDK's HTTP client
    async with http, Client(streamable_http_client(url, http_client=http)) as client:
        result = await client.call_tool("on_behalf", {"prompt": "hi"})
    assert schema["meta"]["headers"] == ["x-api-token"]
    assert list(schema["inputSchema"]["properties"]) == ["prompt"]
    assert result.content[0].text == "hi as t0k"  # type: ignore[union-attr]


async def test_the_sse_transport_serves_the_same_tools(serve: Callable[..., str]) -> None:
    url = mcp_url(serve, counter_app())
    async with Client(sse_client(url + "sse"), mode="legacy") as client:
        names = [t.name for t in (await client.list_tools()).tools]
        result = await client.call_tool("letter_counter", {"word": "aa", "letter": "a"})
    assert sorted(names) == ["hidden", "letter_counter"]
    assert result.content[0].text == "2"  # type: ignore[union-attr]


async def test_the_schema_route_lists_every_entry_and_a_browser_gets_a_page() -> None:
    app = create_app(counter_app(), mcp_server=True)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as c:
            schema = (await c.get("/gradio_api/mcp/schema")).json()
            chosen = (await c.get("/gradio_api/mcp/schema?tools=hidden")).json()
            page = await c.get("/gradio_api/mcp/", headers={"accept": "text/html"})
            missing = await c.get("/gradio_api/mcp/elsewhere")
    assert [s["name"] for s in schema] == ["letter_counter", "hidden"]
    assert schema[0]["meta"] == {
        "file_data_present": False,
        "mcp_type": "tool",
        "endpoint_name": "predict",
    }
    assert [s["name"] for s in chosen] == ["hidden"]
    assert "http://127.0.0.1/gradio_api/mcp/" in page.text
    assert missing.status_code == 404


def test_the_mcp_server_is_asked_for_by_the_environment_too(
    serve: Callable[..., str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GRADIO_MCP_SERVER", "True")
    url = serve(counter_app())
    assert httpx.get(url + "gradio_api/mcp/schema").status_code == 200


def test_without_the_sdk_launch_names_the_extra_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "mcp", None)
    demo = counter_app()
    with pytest.raises(ImportError, match=r'pip install "limelight\[mcp\]"'):
        demo.launch(mcp_server=True, prevent_thread_lock=True, quiet=True)
    assert demo.server is None


def test_without_mcp_server_nothing_is_served_there(serve: Callable[..., str]) -> None:
    url = serve(counter_app())
    assert httpx.get(url + "gradio_api/mcp/schema").status_code == 404
