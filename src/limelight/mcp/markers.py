"""The ``gr.mcp`` decorators: they mark a function as an MCP tool, resource or prompt.

A marked function is still an ordinary function, wired to an app as usual (an
``Interface``, a listener, ``gr.api``); the mark only changes how the app's MCP server
(``launch(mcp_server=True)``) offers the endpoint that runs it. Unmarked endpoints are tools.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal, TypeVar

__all__ = ["McpKind", "McpMark", "McpNamespace", "mark_of", "prompt", "resource", "tool"]

McpKind = Literal["tool", "resource", "prompt"]
F = TypeVar("F", bound=Callable[..., Any])

_ATTRIBUTE = "__limelight_mcp__"


@dataclass(frozen=True)
class McpMark:
    """How the MCP server offers one function."""

    kind: McpKind
    name: str | None = None
    """Overrides the name taken from the function."""
    description: str | None = None
    """Overrides the description taken from the docstring."""
    uri_template: str | None = None
    """A resource's URI, with ``{parameter}`` placeholders for its arguments."""
    mime_type: str | None = None
    """A resource's MIME type; other than ``text/*``, the function returns base64 text."""
    structured_output: bool = False
    """A tool also answers ``{"result": [...content]}`` as structured content."""
    meta: dict[str, Any] | None = None
    """A tool's ``_meta``, sent with its listing and its results."""


def mark_of(fn: Callable[..., Any] | None) -> McpMark | None:
    """The mark a ``gr.mcp`` decorator left on ``fn``, if any."""
    mark = getattr(fn, _ATTRIBUTE, None)
    return mark if isinstance(mark, McpMark) else None


def _marking(mark: McpMark) -> Callable[[F], F]:
    def decorate(fn: F) -> F:
        setattr(fn, _ATTRIBUTE, mark)
        return fn

    return decorate


def tool(
    name: str | None = None,
    description: str | None = None,
    structured_output: bool = False,
    _meta: dict[str, Any] | None = None,
) -> Callable[[F], F]:
    """Mark a function as an MCP tool (optional: every public endpoint is a tool) and set
    how the tool is offered.

    Parameters:
        name: the tool's name instead of the function's.
        description: the tool's description instead of the docstring's.
        structured_output: also answer the result as structured content,
            ``{"result": [...]}``.
        _meta: extra metadata sent with the tool's listing and results.
    """
    return _marking(
        McpMark("tool", name, description, structured_output=structured_output, meta=_meta)
    )


def resource(
    uri_template: str, description: str | None = None, mime_type: str | None = None
) -> Callable[[F], F]:
    """Mark a function as an MCP resource read at ``uri_template``.

    A template with ``{name}`` placeholders (``"greeting://{name}"``) is a resource
    template: reading ``greeting://Alice`` calls the function with ``name="Alice"``.

    Parameters:
        uri_template: the resource's URI, with ``{parameter}`` placeholders.
        description: the resource's description instead of the docstring's.
        mime_type: the MIME type of what it returns (default ``text/plain``); other
            than ``text/*``, the function returns the content as base64 text.
    """
    return _marking(
        McpMark(
            "resource",
            description=description,
            uri_template=uri_template,
            mime_type=mime_type or "text/plain",
        )
    )


def prompt(name: str | None = None, description: str | None = None) -> Callable[[F], F]:
    """Mark a function as an MCP prompt: its return value, as text, is the prompt.

    Parameters:
        name: the prompt's name instead of the function's.
        description: the prompt's description instead of the docstring's.
    """
    return _marking(McpMark("prompt", name, description))


class McpNamespace:
    """The decorators as an object's attribute, for an app object that offers them as
    ``app.mcp.tool()`` (Gradio's ``gr.Server``): the same marks as ``gr.mcp``'s."""

    tool = staticmethod(tool)
    resource = staticmethod(resource)
    prompt = staticmethod(prompt)
