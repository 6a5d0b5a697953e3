"""Serving a limelight app inside another ASGI application (``gr.mount_gradio_app``,
``gr.Server``): mounted at a path, its services started and stopped by the host's lifespan.

A Starlette ``Mount`` runs no lifespan of the application it mounts, so the host's own
lifespan is wrapped: the host's runs first, then limelight's inside it (its queue, workers
and housekeeping), and the state both yield reaches requests.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from typing import Any

from starlette.applications import Starlette
from starlette.types import Scope

__all__ = ["mount_into", "route_path"]


def route_path(scope: Scope) -> str:
    """The request's path inside the application it reached: under a mount (or a proxy's
    ``root_path``) the ASGI ``path`` still begins with the prefix, which routes ignore."""
    path: str = scope["path"]
    root: str = scope.get("root_path", "")
    if root and path.startswith(root) and path[len(root) : len(root) + 1] in ("", "/"):
        return path[len(root) :] or "/"
    return path


def _merged(host: Mapping[str, Any] | None, own: Mapping[str, Any] | None) -> Any:
    """The lifespan state requests see: None when neither yields any (servers without
    lifespan state support refuse a dict), else both, the mounted app's over the host's."""
    if host is None and own is None:
        return None
    return {**(host or {}), **(own or {})}


def mount_into(host: Starlette, app: Starlette, path: str) -> None:
    """Mount ``app`` at ``path`` of ``host`` (a Starlette or FastAPI application) and run
    ``app``'s lifespan inside ``host``'s, which must be running for ``app``'s events to
    work (uvicorn runs it; so does ``TestClient`` used as a context manager)."""
    if not isinstance(host, Starlette):
        raise TypeError(
            f"An app is mounted into a FastAPI or Starlette application, not {type(host).__name__}"
        )
    if not path.startswith("/"):
        raise ValueError(f"The mount path begins with '/', such as '/gradio', not {path!r}")
    hosts_own = host.router.lifespan_context

    @asynccontextmanager
    async def lifespan(asgi: Any) -> AsyncIterator[Any]:
        async with (
            hosts_own(asgi) as host_state,
            app.router.lifespan_context(app) as own_state,
        ):
            yield _merged(host_state, own_state)

    host.router.lifespan_context = lifespan
    host.mount(path.rstrip("/") or "/", app)
