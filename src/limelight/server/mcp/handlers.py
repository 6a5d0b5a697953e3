"""The MCP server of one app: the SDK's low-level ``Server`` with a handler for each
request, answering from the app's catalog and running endpoints through the queue."""

from __future__ import annotations

import inspect
import re
from typing import Any

import anyio
import mcp_types as types
from mcp.server import Server
from mcp.server.context import ServerRequestContext
from mcp.shared.exceptions import MCPError
from starlette.requests import Request

from limelight._version import __version__
from limelight.app.injection import injected_parameters, parameters_of
from limelight.mcp.catalog import Catalog, Entry
from limelight.mcp.docstrings import read_docstring
from limelight.server.http import root_url
from limelight.server.mcp.calls import CallFailed, run_endpoint
from limelight.server.mcp.payloads import ArgumentError, FileSource, input_payloads, output_content
from limelight.server.services import Services

__all__ = ["McpHandlers"]

Ctx = ServerRequestContext[Any, Any]


class McpHandlers:
    """Answers MCP requests for one running app from its ``catalog``."""

    def __init__(self, services: Services, catalog: Catalog) -> None:
        self.services = services
        self.catalog = catalog
        self.server: Server[Any] = Server(
            str(services.app.title or "limelight"),
            version=__version__,
            on_list_tools=self.list_tools,
            on_call_tool=self.call_tool,
            on_list_resources=self.list_resources,
            on_list_resource_templates=self.list_resource_templates,
            on_read_resource=self.read_resource,
            on_list_prompts=self.list_prompts,
            on_get_prompt=self.get_prompt,
        )

    def _entries(self, ctx: Ctx, kind: Any) -> list[Entry]:
        """The entries of ``kind``, only those named in ``?tools=a,b`` when the client's
        URL chose some (as Gradio's MCP server lets clients choose)."""
        entries = self.catalog.of_kind(kind)
        request = ctx.request
        chosen = request.query_params.get("tools") if isinstance(request, Request) else None
        if chosen is None:
            return entries
        names = set(chosen.split(","))
        return [e for e in entries if e.name in names]

    async def list_tools(
        self, ctx: Ctx, params: types.PaginatedRequestParams | None
    ) -> types.ListToolsResult:
        """Every tool, with its description and input schema."""
        tools = [
            types.Tool(
                name=e.name,
                description=e.description,
                input_schema=e.input_schema,
                _meta=e.mark.meta if e.mark is not None else None,
            )
            for e in self._entries(ctx, "tool")
        ]
        return types.ListToolsResult(tools=tools)

    async def _run(self, ctx: Ctx, entry: Entry, arguments: dict[str, Any]) -> list[Any]:
        """Run ``entry``'s endpoint with ``arguments``, each step reported as progress."""
        if not isinstance(ctx.request, Request):
            raise CallFailed("MCP calls are served over HTTP only")
        source = FileSource(root_url(ctx.request), self.services.files.store.add_bytes)
        data = input_payloads(entry.dependency, arguments, entry.files, source)
        steps = 0

        async def progress(text: str) -> None:
            nonlocal steps
            steps += 1
            await ctx.session.report_progress(steps, None, text)

        return await run_endpoint(self.services, ctx.request, entry.dependency, data, progress)

    async def call_tool(
        self, ctx: Ctx, params: types.CallToolRequestParams
    ) -> types.CallToolResult:
        """Run the tool's endpoint; what goes wrong is a tool error the model can read."""
        entry = next((e for e in self._entries(ctx, "tool") if e.name == params.name), None)
        if entry is None:
            return _tool_error(f"Unknown tool for this app: {params.name}")
        try:
            outputs = await self._run(ctx, entry, dict(params.arguments or {}))
        except (ArgumentError, CallFailed) as exc:
            return _tool_error(str(exc))
        pieces = await anyio.to_thread.run_sync(output_content, entry.dependency, outputs)
        content = [_content(kind, body, mime) for kind, body, mime in pieces]
        structured = None
        if entry.mark is not None and entry.mark.structured_output:
            structured = {"result": [c.model_dump(mode="json", by_alias=True) for c in content]}
        meta = entry.mark.meta if entry.mark is not None else None
        return types.CallToolResult(content=content, structured_content=structured, _meta=meta)

    async def list_resources(
        self, ctx: Ctx, params: types.PaginatedRequestParams | None
    ) -> types.ListResourcesResult:
        """The resources read at a fixed URI (a template without placeholders)."""
        resources = [
            types.Resource(
                uri=_template(e), name=e.name, description=e.description, mime_type=_mime(e)
            )
            for e in self._entries(ctx, "resource")
            if not _placeholders(_template(e))
        ]
        return types.ListResourcesResult(resources=resources)

    async def list_resource_templates(
        self, ctx: Ctx, params: types.PaginatedRequestParams | None
    ) -> types.ListResourceTemplatesResult:
        """The resources whose URI takes arguments (``greeting://{name}``)."""
        templates = [
            types.ResourceTemplate(
                uri_template=_template(e),
                name=e.name,
                description=e.description,
                mime_type=_mime(e),
            )
            for e in self._entries(ctx, "resource")
            if _placeholders(_template(e))
        ]
        return types.ListResourceTemplatesResult(resource_templates=templates)

    async def read_resource(
        self, ctx: Ctx, params: types.ReadResourceRequestParams
    ) -> types.ReadResourceResult:
        """Run the endpoint of the resource whose template matches the URI, with the
        template's placeholders as arguments."""
        uri = str(params.uri)
        for entry in self._entries(ctx, "resource"):
            arguments = _match(_template(entry), uri)
            if arguments is None:
                continue
            try:
                outputs = await self._run(ctx, entry, arguments)
            except (ArgumentError, CallFailed) as exc:
                raise MCPError(types.INTERNAL_ERROR, str(exc)) from None
            result = outputs[0] if outputs else ""
            mime = _mime(entry)
            if mime.startswith("text/"):
                contents: Any = types.TextResourceContents(
                    uri=uri, mime_type=mime, text=str(result)
                )
            else:
                contents = types.BlobResourceContents(uri=uri, mime_type=mime, blob=str(result))
            return types.ReadResourceResult(contents=[contents])
        raise MCPError(types.INVALID_PARAMS, f"Resource not found: {uri}")

    async def list_prompts(
        self, ctx: Ctx, params: types.PaginatedRequestParams | None
    ) -> types.ListPromptsResult:
        """Every prompt, with its arguments (the function's parameters)."""
        return types.ListPromptsResult(
            prompts=[
                types.Prompt(name=e.name, description=e.description, arguments=_arguments(e))
                for e in self._entries(ctx, "prompt")
            ]
        )

    async def get_prompt(
        self, ctx: Ctx, params: types.GetPromptRequestParams
    ) -> types.GetPromptResult:
        """Run the prompt's endpoint; its text is the prompt, as a user message."""
        entry = next((e for e in self._entries(ctx, "prompt") if e.name == params.name), None)
        if entry is None:
            raise MCPError(types.INVALID_PARAMS, f"Prompt not found: {params.name}")
        try:
            outputs = await self._run(ctx, entry, dict(params.arguments or {}))
        except (ArgumentError, CallFailed) as exc:
            raise MCPError(types.INTERNAL_ERROR, str(exc)) from None
        text = str(outputs[0]) if outputs else ""
        message = types.PromptMessage(role="user", content=types.TextContent(text=text))
        return types.GetPromptResult(description=entry.description, messages=[message])


def _tool_error(text: str) -> types.CallToolResult:
    return types.CallToolResult(content=[types.TextContent(text=text)], is_error=True)


def _content(kind: str, body: str, mime: str | None) -> Any:
    if kind == "image" and mime is not None:
        return types.ImageContent(data=body, mime_type=mime)
    return types.TextContent(text=body)


def _template(entry: Entry) -> str:
    return str(entry.mark.uri_template if entry.mark is not None else "")


def _mime(entry: Entry) -> str:
    mark = entry.mark
    return mark.mime_type if mark is not None and mark.mime_type else "text/plain"


def _placeholders(template: str) -> list[str]:
    return re.findall(r"\{(\w+)\}", template)


def _match(template: str, uri: str) -> dict[str, Any] | None:
    """The placeholders' values when ``uri`` fits ``template`` (each one a path segment)."""
    pattern = re.sub(r"\\\{(\w+)\\\}", r"(?P<\1>[^/]+)", re.escape(template))
    found = re.fullmatch(pattern, uri)
    return found.groupdict() if found is not None else None


def _arguments(entry: Entry) -> list[types.PromptArgument]:
    """A prompt's arguments: the function's parameters (those the server does not fill
    in), required unless the signature gives a default."""
    fn = entry.dependency.fn
    if fn is None:
        return []
    described = read_docstring(fn).arguments
    injected = injected_parameters(fn)
    return [
        types.PromptArgument(
            name=p.name,
            description=described.get(p.name, ""),
            required=p.default is inspect.Parameter.empty,
        )
        for p in parameters_of(fn).values()
        if p.name not in injected and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)
    ]
