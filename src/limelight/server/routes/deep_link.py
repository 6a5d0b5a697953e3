"""Deep links: a URL that opens the app with one session's values, as ``gr.DeepLinkButton``
makes them.

``GET /gradio_api/deep_link?session_hash=...`` saves the values the session's events read
and wrote (and the props updates changed) in the file store and answers with the link's
name; a page opened with ``?deep_link=<name>`` starts from those values. As in Gradio, the
page's config then says ``deep_link_state``: ``valid``, ``invalid`` (no such link) or
``none``.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any

import anyio
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from limelight.server.http import dumps, json_response, services

__all__ = ["restore", "routes"]

FOLDER = "deep_links"
"""Where links are kept, under the file store's root."""
_NAME = re.compile(r"^[0-9a-f]{32}$")

State = dict[str, dict[str, Any]]
"""Props to set by component id (as text): ``{"12": {"value": ..., "visible": ...}}``."""


def _file(root: Path, name: str) -> Path | None:
    return root / FOLDER / f"{name}.json" if _NAME.match(name) else None


async def create(request: Request) -> Response:
    """``GET /gradio_api/deep_link``: save the session's values; answers the link's name
    (``""`` for a session no event has seen)."""
    session_hash = request.query_params.get("session_hash", "")
    svc = services(request)
    session = await svc.sessions.load(session_hash)
    state: State = {}
    for block_id, props in session.props.items():
        state.setdefault(str(block_id), {}).update(props)
    for block_id, value in session.values.items():
        state.setdefault(str(block_id), {})["value"] = value
    if not state:
        return json_response("")
    text = dumps(state)
    # The name is the content's digest: the same values give the same link.
    name = hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]
    path = _file(svc.files.store.root, name)
    assert path is not None
    await anyio.to_thread.run_sync(_write, path, text)
    return json_response(name)


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _read(root: Path, name: str) -> State | None:
    path = _file(root, name)
    try:
        found = json.loads(path.read_text(encoding="utf-8")) if path is not None else None
    except (OSError, ValueError):
        return None
    return found if isinstance(found, dict) else None


async def restore(request: Request, config: dict[str, Any]) -> dict[str, Any]:
    """``config`` (a page's, compact or full) with ``deep_link_state`` set and, for the link
    named in ``?deep_link=``, its components' props replaced by the saved ones."""
    name = request.query_params.get("deep_link", "")
    if not name:
        return {**config, "deep_link_state": "none"}
    root = services(request).files.store.root
    state = await anyio.to_thread.run_sync(_read, root, name)
    if state is None:
        return {**config, "deep_link_state": "invalid"}
    components = [
        {**c, "props": {**c.get("props", {}), **state[str(c["id"])]}}
        if str(c["id"]) in state
        else c
        for c in config["components"]
    ]
    return {**config, "components": components, "deep_link_state": "valid"}


routes = [Route("/gradio_api/deep_link", create, methods=["GET"])]
