"""Between MCP and the app's payloads: a tool's arguments become the endpoint's input
payloads (file URLs become ``FileData``), and its output payloads become MCP content (a
file its URL, an image its pixels too)."""

from __future__ import annotations

import base64
import binascii
import mimetypes
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from limelight.app.api_info import parameter_defaults, parameter_names
from limelight.components.base import Component
from limelight.core.dependency import Dependency
from limelight.files.processing import FILE_ROUTE, is_file_payload
from limelight.mcp.catalog import FilePath

__all__ = ["ArgumentError", "Content", "FileSource", "input_payloads", "output_content"]

IMAGE_TYPES = ("image/png", "image/jpeg", "image/gif", "image/webp")
"""Images answered as MCP image content besides their URL (what MCP clients show)."""

Content = tuple[str, str, str | None]
"""One piece of MCP content: ``("text", text, None)`` or ``("image", base64, mime_type)``."""

StoreBytes = Callable[[bytes, str], Path]


@dataclass(frozen=True)
class FileSource:
    """Where a tool's file arguments may come from."""

    root_url: str
    """The URL the client reaches the app at: file URLs must start with it."""
    store: StoreBytes
    """Keeps the bytes of a ``data:`` URL as a file; gives its path."""


class ArgumentError(ValueError):
    """A tool's arguments do not fit its endpoint; the message says why."""


def input_payloads(
    dep: Dependency, arguments: dict[str, Any], files: list[FilePath], source: FileSource
) -> list[Any]:
    """The endpoint's input payloads, in order, from a tool's arguments by parameter name.

    Arguments left out take the defaults ``/gradio_api/info`` shows; State and Button
    inputs get null. The arguments at ``files`` are file URLs, read as ``source`` says."""
    names = parameter_names(dep)
    unknown = set(arguments) - set(names)
    if unknown:
        raise ArgumentError(f"Unknown argument(s): {', '.join(sorted(unknown))}")
    defaults = parameter_defaults(dep)
    data: list[Any] = []
    for name, block in zip(names, dep.inputs):
        if not isinstance(block, Component) or block.SKIP_API:
            data.append(None)
        elif name in arguments:
            data.append(_with_files(arguments[name], (name,), files, source))
        elif name in defaults:
            data.append(defaults[name])
        else:
            raise ArgumentError(f"No value given for the required argument {name!r}")
    return data


def _with_files(value: Any, path: FilePath, files: list[FilePath], source: FileSource) -> Any:
    if path in files and value is not None:
        return file_payload(value, source)
    if (*path, "*") in files and isinstance(value, list):
        return [file_payload(item, source) for item in value]
    return value


def file_payload(value: Any, source: FileSource) -> dict[str, Any]:
    """The ``FileData`` payload a file argument stands for: a URL of a file this app
    serves (``ROOT/gradio_api/file=PATH``) names that file (whether the client may read
    it is checked as for any upload), a ``data:`` URL is stored."""
    if not isinstance(value, str):
        raise ArgumentError(f"A file is given as a URL string, not {type(value).__name__}")
    if value.startswith("data:"):
        data, mime = _decode_data_url(value)
        name = "file" + (mimetypes.guess_extension(mime) or "")
        path = source.store(data, name)
        return _file_data(str(path), name)
    prefix = source.root_url.rstrip("/") + FILE_ROUTE
    if value.startswith(prefix):
        local = unquote(value[len(prefix) :].split("?")[0].split("#")[0])
        return _file_data(local, Path(local).name)
    raise ArgumentError(
        f"Cannot read the file {value[:80]!r}: give the URL of a file this app serves "
        f"({prefix}...) or a data: URL"
    )


def _file_data(path: str, name: str) -> dict[str, Any]:
    return {"path": path, "orig_name": name, "meta": {"_type": "gradio.FileData"}}


def _decode_data_url(url: str) -> tuple[bytes, str]:
    header, _, body = url[len("data:") :].partition(",")
    mime = header.split(";")[0] or "application/octet-stream"
    try:
        if header.endswith(";base64"):
            return base64.b64decode(body, validate=True), mime
        return unquote(body).encode(), mime
    except (binascii.Error, ValueError) as exc:
        raise ArgumentError(f"Invalid data: URL ({exc})") from None


def output_content(dep: Dependency, data: list[Any]) -> list[Content]:
    """MCP content for the endpoint's output payloads (State and Button outputs left out):
    a file is its URL, and an image its pixels too; any other value is its text."""
    content: list[Content] = []
    for block, value in zip(dep.outputs, data):
        if isinstance(block, Component) and block.SKIP_API:
            continue
        content.extend(value_content(value))
    return content


def value_content(value: Any) -> list[Content]:
    """The content for one output payload."""
    if is_file_payload(value):
        where = str(value.get("url") or value.get("path"))
        image = _image(value)
        if image is not None:
            return [image, ("text", f"Image URL: {where}", None)]
        return [("text", where, None)]
    return [("text", str(value), None)]


def _image(value: dict[str, Any]) -> Content | None:
    """An image file as image content, when it is one MCP clients show and can be read."""
    path = value.get("path")
    if not isinstance(path, str):
        return None
    mime = value.get("mime_type") or mimetypes.guess_type(path)[0]
    if mime not in IMAGE_TYPES:
        return None
    try:
        data = Path(path).read_bytes()
    except OSError:
        return None
    return ("image", base64.b64encode(data).decode("ascii"), mime)
