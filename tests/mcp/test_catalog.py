"""What an app offers over MCP: names, kinds, descriptions and input schemas."""

from __future__ import annotations

import limelight as gr
from limelight.mcp import build_catalog
from limelight.mcp.catalog import FILE_FORMAT


def greet(name: str) -> str:
    """Say hello.

    Args:
        name: who to greet
    """
    return f"Hello {name}"


def test_tools_are_named_after_their_function_and_unique() -> None:
    with gr.Blocks() as demo:
        box = gr.Textbox()
        gr.Button().click(greet, box, box, api_name="first")
        gr.Button().click(greet, box, box, api_name="second")
        gr.Button().click(lambda s: s, box, box, api_name="third")
    names = [e.name for e in build_catalog(demo).entries]
    assert names == ["greet", "greet_1", "_lambda_"]


def test_api_visibility_and_api_description_choose_what_is_offered_and_said() -> None:
    with gr.Blocks() as demo:
        box = gr.Textbox()
        gr.Button().click(greet, box, box, api_name="shown")
        gr.Button().click(greet, box, box, api_name="undoc", api_visibility="undocumented")
        gr.Button().click(greet, box, box, api_name="private", api_visibility="private")
        gr.Button().click(greet, box, box, api_name="mine", api_description="My own words")
    entries = build_catalog(demo).entries
    assert [e.endpoint for e in entries] == ["shown", "mine"]
    assert [e.description for e in entries] == ["Say hello.", "My own words"]


def test_a_mark_overrides_name_and_description_and_sets_the_kind() -> None:
    marked = gr.mcp.tool(name="hello", description="Greets")(greet)
    with gr.Blocks() as demo:
        box = gr.Textbox()
        gr.Button().click(marked, box, box)
    (entry,) = build_catalog(demo).entries
    assert (entry.name, entry.kind, entry.description) == ("hello", "tool", "Greets")


def test_files_are_url_strings_in_the_input_schema() -> None:
    with gr.Blocks() as demo:
        one, many, out = gr.Image(), gr.File(file_count="multiple"), gr.Textbox()
        gr.Button().click(lambda a, b: "", [one, many], out, api_name="files")
    (entry,) = build_catalog(demo).entries
    props = entry.input_schema["properties"]
    assert props["a"]["type"] == "string" and props["a"]["format"] == FILE_FORMAT
    assert props["b"]["items"] == {"type": "string", "format": FILE_FORMAT}
    assert entry.files == [("a",), ("b", "*")]
    assert entry.input_schema["required"] == ["a", "b"]
    assert "/gradio_api/upload" in entry.description


def test_the_namespace_for_app_objects_marks_as_gr_mcp_does() -> None:
    def read(name: str) -> str:
        return name

    marked = gr.mcp.McpNamespace().resource("thing://{name}", mime_type="text/html")(read)
    mark = gr.mcp.mark_of(marked)
    assert mark is not None
    assert (mark.kind, mark.uri_template, mark.mime_type) == (
        "resource",
        "thing://{name}",
        "text/html",
    )


def test_only_a_tool_description_says_what_the_function_returns() -> None:
    def shout(text: str) -> str:
        """Shout it.

        Returns:
            the text in capitals
        """
        return text.upper()

    @gr.mcp.prompt()
    def shout_prompt(text: str) -> str:
        """Shout it.

        Returns:
            the text in capitals
        """
        return text.upper()

    with gr.Blocks() as demo:
        box = gr.Textbox()
        gr.Button().click(shout, box, box)
        gr.Button().click(shout_prompt, box, box)
    tool, prompt = build_catalog(demo).entries
    assert tool.description == "Shout it. Returns: the text in capitals"
    assert prompt.description == "Shout it."
