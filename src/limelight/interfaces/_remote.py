"""A running Gradio or limelight app reached over HTTP, for ``gr.load``: its config, and calls
to its functions through its queue (``docs/protocol.md`` §3), streamed outputs (§4.3's diffs
applied) included. The standard library is enough: no HTTP client to install.

Each call joins the remote queue for a session and reads that session's event stream until
the call completes. One session's stream has one reader at a time, so the calls of one
session run one after another (``RemoteApp.session_lock``); other sessions are not held up.
"""

from __future__ import annotations

import copy
import json
import secrets
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

__all__ = ["RemoteApp", "RemoteError", "apply_diff"]

TIMEOUT = 30.0
"""Seconds to wait for the remote server to answer a request (a call may stream for longer:
the wait is per read)."""
STREAM_TIMEOUT = 600.0
"""Seconds without a message (the remote sends heartbeats every 15) before a call gives up."""


class RemoteError(Exception):
    """The remote app refused a request, or its function failed; the message says which."""


class RemoteApp:
    """The app at ``url`` (its root, ending in ``/``), with ``headers`` sent on each request."""

    def __init__(self, url: str, headers: dict[str, str]) -> None:
        self.url = url
        self.headers = headers
        self._locks: dict[str, threading.Lock] = {}
        self._guard = threading.Lock()

    def _open(
        self,
        path: str,
        body: Any = None,
        timeout: float = TIMEOUT,
        content: tuple[bytes, str] | None = None,
    ) -> Any:
        """The response to a GET of ``path`` (under the app's root), or a POST of ``body`` as
        JSON or of ``content`` (bytes and their type)."""
        if body is not None:
            content = (json.dumps(body).encode(), "application/json")
        data, headers = None, dict(self.headers)
        if content is not None:
            data, headers["Content-Type"] = content
        request = urllib.request.Request(urllib.parse.urljoin(self.url, path), data, headers)
        try:
            return urllib.request.urlopen(request, timeout=timeout)
        except urllib.error.HTTPError as exc:
            detail = exc.read().decode("utf-8", "replace")[:500]
            raise RemoteError(f"{self.url}{path} answered {exc.code}: {detail}") from None
        except (urllib.error.URLError, OSError) as exc:
            raise RemoteError(f"Could not reach {self.url}: {exc}") from None

    def upload(self, api_prefix: str, path: Path) -> str:
        """Upload the local file ``path`` (``POST API/upload``); the path the app gave it."""
        boundary = secrets.token_hex(16)
        name = path.name.replace('"', "%22").replace("\r", "").replace("\n", "")
        body = b"".join(
            (
                f'--{boundary}\r\nContent-Disposition: form-data; name="files"; '
                f'filename="{name}"\r\nContent-Type: application/octet-stream\r\n\r\n'.encode(),
                path.read_bytes(),
                f"\r\n--{boundary}--\r\n".encode(),
            )
        )
        kind = f"multipart/form-data; boundary={boundary}"
        with self._open(f"{api_prefix.strip('/')}/upload", content=(body, kind)) as response:
            paths = json.load(response)
        if not isinstance(paths, list) or not paths or not isinstance(paths[0], str):
            raise RemoteError(f"{self.url} did not accept the upload of {path.name}.")
        return paths[0]

    def config(self) -> dict[str, Any]:
        """The app's config (``GET /config``)."""
        with self._open("config") as response:
            found: dict[str, Any] = json.load(response)
        if not isinstance(found.get("components"), list) or "dependencies" not in found:
            raise RemoteError(f"{self.url} did not answer with a Gradio app's config.")
        return found

    def session_lock(self, session_hash: str) -> threading.Lock:
        """The lock one session's calls take in turn (see the module's docstring)."""
        with self._guard:
            return self._locks.setdefault(session_hash, threading.Lock())

    def call(self, api_prefix: str, body: dict[str, Any], session_hash: str) -> Iterator[list[Any]]:
        """Run a function: ``body`` is a queue join (``data``, ``fn_index``, ...). Yields the
        outputs of each step of a generator and then the final ones; raises ``RemoteError``
        with the function's message when it fails."""
        prefix = api_prefix.strip("/") + "/"
        with self.session_lock(session_hash):
            with self._open(f"{prefix}queue/join", {**body, "session_hash": session_hash}) as r:
                event_id = json.load(r)["event_id"]
            query = urllib.parse.urlencode({"session_hash": session_hash})
            with self._open(f"{prefix}queue/data?{query}", timeout=STREAM_TIMEOUT) as stream:
                yield from _outputs(_messages(stream), event_id)


def _messages(stream: Any) -> Iterator[dict[str, Any]]:
    """The JSON messages of a server-sent event stream."""
    for raw in stream:
        line = raw.decode("utf-8").rstrip("\r\n")
        if line.startswith("data:"):
            message = json.loads(line[5:].strip())
            if isinstance(message, dict):
                yield message


def _outputs(messages: Iterator[dict[str, Any]], event_id: str) -> Iterator[list[Any]]:
    """The outputs of ``event_id`` among ``messages``, as full values."""
    current: list[Any] | None = None
    for message in messages:
        if message.get("event_id") not in (event_id, None):
            continue
        kind = message.get("msg")
        if kind == "unexpected_error" or kind == "close_stream":
            raise RemoteError(str(message.get("message") or "The remote app closed the call."))
        if kind not in ("process_generating", "process_completed"):
            continue
        output = message.get("output") or {}
        if not message.get("success", True):
            raise RemoteError(str(output.get("error") or "The remote function failed."))
        data = list(output.get("data") or [])
        if kind == "process_completed":
            # A generator's completion repeats its last value: not one more step.
            if current is None:
                yield data
            return
        if current is not None:
            data = [apply_diff(old, edits) for old, edits in zip(current, data)]
        current = data
        yield data
    raise RemoteError("The remote app's event stream ended before the call completed.")


def apply_diff(value: Any, edits: list[Any]) -> Any:
    """``value`` after the edits of a streamed output (``docs/protocol.md`` §4.3)."""
    value = copy.deepcopy(value)
    for action, path, new in edits:
        if not path:
            value = _edited(value, action, new)
            continue
        parent = value
        for key in path[:-1]:
            parent = parent[key]
        last = path[-1]
        if action == "delete":
            del parent[last]
        elif action == "add" and isinstance(parent, list):
            parent.insert(last, new)
        else:
            parent[last] = _edited(parent[last] if action == "append" else None, action, new)
    return value


def _edited(old: Any, action: str, new: Any) -> Any:
    return old + new if action == "append" else new
