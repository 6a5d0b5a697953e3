"""What an app offers over MCP: one entry per public endpoint, as a tool, a resource or a
prompt, with its name, description and input schema.

Descriptions come from the function's docstring (Google style: the summary, ``Args:``
and ``Returns:``) unless the endpoint's ``api_description`` or a ``gr.mcp`` mark says
otherwise; input schemas come from the endpoint's components, as ``/gradio_api/info``
gives them, with every file replaced by a URL string.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from typing import Any

from limelight.app.api_info import parameter_defaults, parameter_names
from limelight.app.blocks_base import BlocksBase
from limelight.app.injection import injected_parameters
from limelight.components.base import Component
from limelight.core.dependency import Dependency
from limelight.mcp.docstrings import read_docstring
from limelight.mcp.markers import McpKind, McpMark, mark_of
from limelight.request import Header

__all__ = ["FILE_FORMAT", "Catalog", "Entry", "FilePath", "build_catalog"]

FilePath = tuple["str | int", ...]
"""Where a file sits in a tool's arguments: the parameter name, then list indexes."""

FILE_FORMAT = "a http(s) URL of a file this app serves (/gradio_api/file=...) or a data: URL"
"""The ``format`` of a file in an input schema."""

_FILE_HINT = (
    " File inputs are URLs: upload a file to this app (POST /gradio_api/upload) and pass "
    "its /gradio_api/file= URL, or pass a data: URL."
)
_MAX_NAME = 120


@dataclass
class Entry:
    """One endpoint as the MCP server offers it."""

    name: str
    kind: McpKind
    dependency: Dependency
    description: str
    input_schema: dict[str, Any]
    files: list[FilePath] = field(default_factory=list)
    """Where the inputs take files (given as URLs)."""
    headers: list[str] = field(default_factory=list)
    """The request headers the function reads (its ``gr.Header`` parameters)."""
    mark: McpMark | None = None

    @property
    def endpoint(self) -> str:
        """The endpoint's API name (without the leading slash)."""
        return str(self.dependency.api_name)


@dataclass
class Catalog:
    """Every entry of one app, by kind, in the app's order."""

    entries: list[Entry]

    def of_kind(self, kind: McpKind) -> list[Entry]:
        """The tools, resources or prompts."""
        return [e for e in self.entries if e.kind == kind]

    def find(self, kind: McpKind, name: str) -> Entry | None:
        """The tool or prompt called ``name``."""
        return next((e for e in self.of_kind(kind) if e.name == name), None)


def build_catalog(app: BlocksBase) -> Catalog:
    """The entries of ``app``'s public endpoints (``api_visibility="public"``)."""
    entries: list[Entry] = []
    taken: set[str] = set()
    for dep in app.fns:
        if dep.fn is None or dep.api_visibility != "public" or not dep.api_name:
            continue
        mark = mark_of(dep.fn)
        name = _unique(_tool_name(dep, mark), taken)
        taken.add(name)
        schema, files = input_schema(dep)
        entries.append(
            Entry(
                name=name,
                kind=mark.kind if mark is not None else "tool",
                dependency=dep,
                description=_description(dep, mark, has_files=bool(files)),
                headers=_headers(dep),
                input_schema=schema,
                files=files,
                mark=mark,
            )
        )
    return Catalog(entries)


def _tool_name(dep: Dependency, mark: McpMark | None) -> str:
    """The mark's name, else the function's (the endpoint's name for a function without
    one), with what MCP names may not hold replaced by ``_``."""
    name = mark.name if mark is not None and mark.name else None
    if name is None:
        name = getattr(dep.fn, "__name__", None) or str(dep.api_name)
    return re.sub(r"[^a-zA-Z0-9_]", "_", name)[:_MAX_NAME]


def _unique(name: str, taken: set[str]) -> str:
    """``name``, or ``name_1``, ``name_2``... when an earlier endpoint has it."""
    candidate, n = name, 0
    while candidate in taken:
        n += 1
        candidate = f"{name}_{n}"
    return candidate


def _headers(dep: Dependency) -> list[str]:
    """The headers ``gr.Header`` parameters read: a client must send them with its calls."""
    if dep.fn is None:
        return []
    wanted = injected_parameters(dep.fn)
    return [name.replace("_", "-").lower() for name, kind in wanted.items() if kind is Header]


def _description(dep: Dependency, mark: McpMark | None, *, has_files: bool) -> str:
    """As ``api_description`` says: False none, a string that string; else the mark's
    description or the docstring's summary, followed for a tool by what the docstring says
    the function returns."""
    if dep.api_description is False:
        return ""
    hint = _FILE_HINT if has_files else ""
    if isinstance(dep.api_description, str):
        return dep.api_description + hint
    doc = read_docstring(dep.fn) if dep.fn is not None else None
    text = mark.description if mark is not None and mark.description else None
    if text is None:
        text = doc.summary if doc is not None else ""
    if doc is not None and doc.returns and (mark is None or mark.kind == "tool"):
        text += ("" if not text or text.endswith(".") else ".") + " Returns: "
        text = (text + ", ".join(doc.returns)).strip()
    return text + hint


def input_schema(dep: Dependency) -> tuple[dict[str, Any], list[FilePath]]:
    """The JSON schema of a call's arguments (an object keyed by parameter name) and where
    its files are. A parameter with a default (its component's value) is optional."""
    described = read_docstring(dep.fn).arguments if dep.fn is not None else {}
    defaults = parameter_defaults(dep)
    properties: dict[str, Any] = {}
    required: list[str] = []
    files: list[FilePath] = []
    for name, block in zip(parameter_names(dep), dep.inputs):
        if not isinstance(block, Component) or block.SKIP_API:
            continue
        schema = _files_as_urls(copy.deepcopy(block.api_info()), (name,), files)
        schema["description"] = described.get(name, "")
        if name in defaults:
            if defaults[name] is not None:
                schema["default"] = defaults[name]
        else:
            required.append(name)
        properties[name] = schema
    result: dict[str, Any] = {"type": "object", "properties": properties}
    if required:
        result["required"] = required
    return result, files


def _is_file(schema: dict[str, Any]) -> bool:
    props = schema.get("properties")
    return isinstance(props, dict) and {"path", "meta"} <= set(props)


def _files_as_urls(schema: dict[str, Any], path: FilePath, files: list[FilePath]) -> dict[str, Any]:
    """``schema`` with each file payload (``FileData``) replaced by a URL string, noting
    where each one is: the parameter itself, or the items of a list of files."""
    if _is_file(schema):
        files.append(path)
        return {"type": "string", "format": FILE_FORMAT}
    items = schema.get("items")
    if schema.get("type") == "array" and isinstance(items, dict) and _is_file(items):
        files.append((*path, "*"))
        return {**schema, "items": {"type": "string", "format": FILE_FORMAT}}
    for key in ("anyOf", "oneOf"):
        options = schema.get(key)
        if isinstance(options, list) and any(isinstance(o, dict) and _is_file(o) for o in options):
            files.append(path)
            kept = [o for o in options if not (isinstance(o, dict) and _is_file(o))]
            schema[key] = [*kept, {"type": "string", "format": FILE_FORMAT}]
    return schema
