"""Files in calls: ``handle_file`` marks an argument as a file, ``upload_files`` sends the
local ones to the app's ``upload`` route first, and ``download_files`` fetches the files an
endpoint returns (docs/protocol.md §7)."""

from __future__ import annotations

import hashlib
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

import httpx

__all__ = ["FILE_TYPE", "download_files", "handle_file", "is_file_data", "upload_files"]

FILE_TYPE = "gradio.FileData"
"""The marker in a ``FileData`` payload's ``meta`` that tells a file apart from a dict."""


def _is_url(text: str) -> bool:
    return text.startswith(("http://", "https://"))


def handle_file(filepath_or_url: str | Path) -> dict[str, Any]:
    """Mark a local path or a URL as a file argument, as ``gradio_client.handle_file`` does:
    a local file is uploaded before the call, a URL is passed on for the app to fetch."""
    text = str(filepath_or_url)
    payload: dict[str, Any] = {"path": text, "meta": {"_type": FILE_TYPE}}
    if _is_url(text):
        return {**payload, "url": text, "orig_name": unquote(urlparse(text).path).split("/")[-1]}
    path = Path(text)
    if not path.is_file():
        raise ValueError(f"handle_file: {text!r} is neither a URL nor an existing file")
    return {**payload, "orig_name": path.name}


def is_file_data(value: Any) -> bool:
    """Whether ``value`` is a ``FileData`` payload (a dict marked by ``handle_file`` or the
    server)."""
    return isinstance(value, dict) and (value.get("meta") or {}).get("_type") == FILE_TYPE


async def _walk(value: Any, visit: Callable[[dict[str, Any]], Awaitable[Any]]) -> Any:
    """``value`` with each ``FileData`` inside it replaced by what ``visit`` makes of it."""
    if is_file_data(value):
        return await visit(value)
    if isinstance(value, list):
        return [await _walk(item, visit) for item in value]
    if isinstance(value, tuple):
        return tuple([await _walk(item, visit) for item in value])
    if isinstance(value, dict):
        return {key: await _walk(item, visit) for key, item in value.items()}
    return value


async def upload_files(http: httpx.AsyncClient, api_url: str, data: list[Any]) -> list[Any]:
    """``data`` with each local file uploaded and replaced by the payload naming the
    server's copy; URLs and files already on the server are left as they are."""

    async def upload(file: dict[str, Any]) -> dict[str, Any]:
        if "url" in file or not Path(file["path"]).is_file():
            return file
        path = Path(file["path"])
        with path.open("rb") as handle:
            response = await http.post(f"{api_url}/upload", files={"files": (path.name, handle)})
        response.raise_for_status()
        (server_path,) = response.json()
        return {
            "path": server_path,
            "orig_name": file.get("orig_name") or path.name,
            "size": path.stat().st_size,
            "meta": {"_type": FILE_TYPE},
        }

    return list(await _walk(data, upload))


async def download_files(http: httpx.AsyncClient, value: Any, folder: Path) -> Any:
    """``value`` with each returned file downloaded under ``folder`` and replaced by its
    local path (a folder per content digest, so equal names never overwrite each other)."""

    async def download(file: dict[str, Any]) -> str:
        url = file.get("url")
        if not url:
            return str(file["path"])
        response = await http.get(url)
        response.raise_for_status()
        content = response.content
        name = file.get("orig_name") or Path(unquote(urlparse(url).path)).name or "file"
        target = folder / hashlib.sha256(content).hexdigest()[:20] / Path(name).name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
        return str(target)

    return await _walk(value, download)
