"""The MCP server (``launch(mcp_server=True)``), built on the official ``mcp`` SDK, an
optional dependency: ``pip install "limelight[mcp]"``.

``create_mcp_endpoint(services)`` gives the routes and the lifespan to add to an app's
Starlette application; the SDK is imported only then.
"""

from __future__ import annotations

import importlib.util
from typing import TYPE_CHECKING

from limelight.mcp.catalog import build_catalog
from limelight.server.services import Services

if TYPE_CHECKING:
    from limelight.server.mcp.endpoint import McpEndpoint

__all__ = ["INSTALL_HINT", "MCP_PATH", "create_mcp_endpoint", "require_sdk"]

MCP_PATH = "/gradio_api/mcp"
"""Where the MCP server is served: ``MCP_PATH + "/"`` is its streamable HTTP URL."""

INSTALL_HINT = 'pip install "limelight[mcp]"'


def require_sdk() -> None:
    """Raise ``ImportError`` naming the extra to install when the ``mcp`` SDK is missing."""
    if importlib.util.find_spec("mcp") is None:
        raise ImportError(
            f"launch(mcp_server=True) needs the MCP SDK, which is not installed: {INSTALL_HINT}"
        )


def create_mcp_endpoint(services: Services) -> McpEndpoint:
    """The MCP server of the app ``services`` serve: add its ``routes`` to the application
    and run it within ``lifespan()``. Every public endpoint of the app at this moment is
    offered (a ``gr.mcp`` mark chooses tool, resource or prompt)."""
    require_sdk()
    # The SDK is an optional dependency: imported here, when a server is asked for.
    from limelight.server.mcp.endpoint import McpEndpoint
    from limelight.server.mcp.handlers import McpHandlers

    return McpEndpoint(McpHandlers(services, build_catalog(services.app)))
