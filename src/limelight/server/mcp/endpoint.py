"""The MCP routes of one app, under ``/gradio_api/mcp``: the streamable HTTP transport at
``/gradio_api/mcp/`` (or ``.../mcp/http/``), the SSE transport at ``/gradio_api/mcp/sse``
with its messages at ``/gradio_api/mcp/messages/``, and the tools' schemas at
``/gradio_api/mcp/schema``."""

from __future__ import annotations

import contextlib
import html
from collections.abc import AsyncIterator
from typing import Any

from mcp.server.sse import SseServerTransport
from mcp.server.streamable_http_manager import StreamableHTTPSessionManager
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import Route
from starlette.types import Receive, Scope, Send

from limelight.mcp.catalog import Catalog
from limelight.server.http import root_url
from limelight.server.mcp import MCP_PATH
from limelight.server.mcp.handlers import McpHandlers

__all__ = ["McpEndpoint"]

_STREAMABLE = (MCP_PATH, MCP_PATH + "/", MCP_PATH + "/http", MCP_PATH + "/http/")
_MESSAGES = MCP_PATH + "/messages/"


class McpEndpoint:
    """The ASGI app serving every MCP route; ``lifespan()`` runs the session manager."""

    def __init__(self, handlers: McpHandlers) -> None:
        self.handlers = handlers
        # Stateless, as Gradio's: each POST is a whole exchange, and its progress
        # notifications stream back on that POST's own response.
        self.manager = StreamableHTTPSessionManager(handlers.server, stateless=True)
        self.sse = SseServerTransport(_MESSAGES)

    @property
    def catalog(self) -> Catalog:
        """What the server offers."""
        return self.handlers.catalog

    @property
    def routes(self) -> list[Route]:
        """The route to add to the app: everything under ``/gradio_api/mcp``."""
        return [Route(MCP_PATH + "{rest:path}", self)]

    @contextlib.asynccontextmanager
    async def lifespan(self) -> AsyncIterator[None]:
        """Run while the app serves: the streamable HTTP transport's task group."""
        async with self.manager.run():
            yield

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope["path"]
        if path in _STREAMABLE:
            if _wants_page(scope):
                await _landing_page(scope)(scope, receive, send)
            else:
                await self.manager.handle_request(scope, receive, send)
        elif path in (MCP_PATH + "/sse", MCP_PATH + "/sse/"):
            await self._sse(scope, receive, send)
        elif path in (_MESSAGES, _MESSAGES.rstrip("/")):
            await self.sse.handle_post_message(scope, receive, send)
        elif path in (MCP_PATH + "/schema", MCP_PATH + "/schema/"):
            await JSONResponse(self._schema(Request(scope)))(scope, receive, send)
        else:
            await PlainTextResponse(
                f"Not found: the MCP server is at {MCP_PATH}/ (streamable HTTP) and "
                f"{MCP_PATH}/sse (SSE).",
                status_code=404,
            )(scope, receive, send)

    async def _sse(self, scope: Scope, receive: Receive, send: Send) -> None:
        server = self.handlers.server
        async with self.sse.connect_sse(scope, receive, send) as (reader, writer):
            await server.run(reader, writer, server.create_initialization_options())

    def _schema(self, request: Request) -> list[dict[str, Any]]:
        """Every entry's name, description and input schema, with what kind it is and
        which endpoint runs it; ``?tools=a,b`` keeps those entries only."""
        chosen = request.query_params.get("tools")
        names = set(chosen.split(",")) if chosen is not None else None
        return [
            {
                "name": e.name,
                "description": e.description,
                "inputSchema": e.input_schema,
                "meta": {
                    "file_data_present": bool(e.files),
                    "mcp_type": e.kind,
                    "endpoint_name": e.endpoint,
                    **({"headers": e.headers} if e.headers else {}),
                },
            }
            for e in self.catalog.entries
            if names is None or e.name in names
        ]


def _wants_page(scope: Scope) -> bool:
    """A browser opening the URL (a GET not asking for an event stream), not a client."""
    if scope["method"] != "GET":
        return False
    accept = dict(scope["headers"]).get(b"accept", b"")
    return b"text/event-stream" not in accept


def _landing_page(scope: Scope) -> Response:
    """A page telling whoever opened the MCP URL in a browser how to use it."""
    url = html.escape(root_url(Request(scope)).rstrip("/") + MCP_PATH + "/")
    return HTMLResponse(
        "<!doctype html><meta charset=utf-8><title>MCP server</title>"
        "<h1>MCP server</h1><p>This is the Model Context Protocol endpoint of a limelight "
        "app, for MCP clients (AI assistants and agents) rather than browsers. Add this URL "
        f"to your client as a streamable HTTP server:</p><pre>{url}</pre>"
        f"<p>Clients that only speak SSE use <code>{url}sse</code>. The tools and their "
        f'schemas: <a href="{url}schema">{url}schema</a>.</p>'
    )
