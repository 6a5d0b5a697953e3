"""``gr.mount_gradio_app``: serve an app under a path of your own FastAPI (or Starlette)
application, next to its routes, by its server."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

from starlette.applications import Starlette

from limelight.backends.select import implementations
from limelight.i18n import I18n
from limelight.interfaces._launch_options import (
    app_options,
    mcp_wanted,
    prepare_app,
    refuse_unsupported,
)
from limelight.interfaces.blocks import Blocks, launch_overrides
from limelight.server import create_app
from limelight.server.auth import AuthSpec, UserOf
from limelight.server.mounting import mount_into
from limelight.server.origin import is_loopback_host

__all__ = ["mount_gradio_app"]

HostApp = TypeVar("HostApp", bound=Starlette)


def mount_gradio_app(
    app: HostApp,
    blocks: Blocks,
    path: str,
    server_name: str = "0.0.0.0",
    server_port: int = 7860,
    footer_links: Sequence[str | Mapping[str, str]] | None = None,
    run_history: bool | None = None,
    app_kwargs: dict[str, Any] | None = None,
    *,
    auth: AuthSpec | None = None,
    auth_message: str | None = None,
    auth_dependency: UserOf | None = None,
    root_path: str | None = None,
    allowed_paths: list[str] | None = None,
    blocked_paths: list[str] | None = None,
    favicon_path: str | None = None,
    show_error: bool = True,
    max_file_size: str | int | None = None,
    ssr_mode: bool | None = None,
    node_server_name: str | None = None,
    node_port: int | None = None,
    enable_monitoring: bool | None = None,
    pwa: bool | None = None,
    i18n: I18n | None = None,
    mcp_server: bool | None = None,
    theme: Any = None,
    css: str | None = None,
    css_paths: str | Path | Sequence[str | Path] | None = None,
    js: str | None = None,
    head: str | None = None,
    head_paths: str | Path | Sequence[str | Path] | None = None,
) -> HostApp:
    """Serve ``blocks`` at ``path`` (such as ``"/gradio"``) of ``app``, a FastAPI or
    Starlette application, and return ``app``; run ``app`` with uvicorn as usual.

    ```python
    app = FastAPI()
    app = gr.mount_gradio_app(app, demo, path="/gradio")
    ```

    The app's queue and workers start and stop with ``app``'s lifespan, inside the one
    ``app`` already has. The keywords are ``launch()``'s: ``server_name`` and
    ``server_port`` say where ``app`` is served (an address other than loopback lets pages
    of the app's own origin call it, as with ``launch``); ``root_path`` is the public path
    (or URL) of the mounted app when a proxy strips a prefix; ``app_kwargs`` go to the
    mounted app (``routes``, ``middleware``, ``exception_handlers``, ``lifespan``,
    ``debug``); ``mcp_server`` (or ``GRADIO_MCP_SERVER``) serves the app's MCP server under
    the mount (``limelight[mcp]``). ``ssr_mode``, ``enable_monitoring`` and ``run_history``
    set True raise ``UnsupportedOption``; ``node_server_name`` and ``node_port`` only
    matter with ``ssr_mode``.
    """
    refuse_unsupported(
        ssr_mode=ssr_mode,
        enable_monitoring=enable_monitoring,
        run_history=run_history,
        where="mount_gradio_app",
    )
    serve_mcp = mcp_wanted(mcp_server)
    settings = prepare_app(
        blocks,
        loopback_only=is_loopback_host(server_name),
        show_error=show_error,
        auth=auth,
        auth_message=auth_message,
        auth_dependency=auth_dependency,
        root_path=root_path,
        allowed_paths=allowed_paths,
        blocked_paths=blocked_paths,
        favicon_path=favicon_path,
        max_file_size=max_file_size,
        pwa=pwa,
        i18n=i18n,
        footer_links=footer_links,
        page_options={
            "theme": theme,
            "css": css,
            "css_paths": css_paths,
            "js": js,
            "head": head,
            "head_paths": head_paths,
        },
    )
    # The backend of `limelight run --backend` or LIMELIGHT_BACKEND serves mounted apps too.
    shared = implementations(launch_overrides.get("backend"), blocks, settings)
    asgi = create_app(
        blocks, settings, app_options(app_kwargs), mcp_server=serve_mcp, implementations=shared
    )
    mount_into(app, asgi, path)
    blocks.server_name, blocks.server_port, blocks.mount_path = server_name, server_port, path
    return app
