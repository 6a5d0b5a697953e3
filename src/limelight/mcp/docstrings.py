"""Reading Google-style docstrings: the summary, each argument's description and what
the function returns, which the MCP server turns into tool and parameter descriptions."""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Docstring", "read_docstring"]

_ARGS = ("Args:", "Arguments:", "Parameters:", "Params:")
_RETURNS = ("Returns:", "Return:", "Yields:")
_OTHER = ("Raises:", "Examples:", "Example:", "Notes:", "Note:", "Attributes:")
_ARGUMENT = re.compile(r"^\*{0,2}(\w+)\s*(?:\([^)]*\))?\s*:\s*(.*)$")
"""``name (type): text`` or ``name: text``, the first line of one argument."""


@dataclass
class Docstring:
    """What one function's docstring says."""

    summary: str = ""
    """The text before the first section, on one line."""
    arguments: dict[str, str] = field(default_factory=dict)
    """Each argument's description, by name."""
    returns: list[str] = field(default_factory=list)
    """The lines of the ``Returns:`` section."""


def read_docstring(fn: Callable[..., Any]) -> Docstring:
    """The parts of ``fn``'s docstring (an empty ``Docstring`` when it has none)."""
    doc = Docstring()
    summary: list[str] = []
    section = "summary"
    args: list[str] = []
    for raw in (inspect.getdoc(fn) or "").splitlines():
        line = raw.strip()
        if line.startswith(_ARGS + _RETURNS + _OTHER) and line.endswith(":"):
            section = "args" if line in _ARGS else "returns" if line in _RETURNS else "other"
            continue
        if not line:
            continue
        if section == "summary":
            summary.append(line)
        elif section == "returns":
            doc.returns.append(line)
        elif section == "args":
            args.append(raw)
    doc.summary = " ".join(summary)
    doc.arguments = _arguments(args)
    return doc


def _arguments(lines: list[str]) -> dict[str, str]:
    """Each argument's description from the lines of an ``Args:`` section: a line
    indented deeper than the argument names continues the last description."""
    found: dict[str, str] = {}
    name_indent: int | None = None
    current: str | None = None
    for raw in lines:
        line = raw.strip()
        indent = len(raw) - len(raw.lstrip())
        if name_indent is None:
            name_indent = indent
        match = _ARGUMENT.match(line)
        if match and indent <= name_indent:
            current, text = match.groups()
            found[current] = text.strip()
        elif current is not None:
            found[current] = f"{found[current]} {line}".strip()
    return found
