"""``gr.mount_gradio_app``: serve an app under a path of your own FastAPI (or Starlette)
application, next to its routes, by its server."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

from starlette.applications import Starlette

from limelight.exceptions import UnsupportedOption
from limelight.files.store import parse_size
from limelight.i18n import I18n
from limelight.interfaces._launch_options import (
    app_options,
    check_combinations,
    env_flag,
    mcp_wanted,
    resolve_footer_links,
    resolve_root_path,
)
from limelight.interfaces.blocks import Blocks
from limelight.server import create_app
from limelight.server.auth import Authenticator, AuthSpec, UserOf
from limelight.server.mounting import mount_into
from limelight.server.origin import is_loopback_host
from limelight.server.services import ServerSettings

__all__ = ["mount_gradio_app"]

HostApp = TypeVar("HostApp", bound=Starlette)


def _refuse_unsupported(
    ssr_mode: bool | None,
    enable_monitoring: bool | None,
    run_history: bool | None,
) -> None:
    """The features ``launch`` refuses, refused here too (None follows the variable)."""
    refused = (
        (ssr_mode is True or (ssr_mode is None and env_flag("SSR_MODE")), "ssr_mode=True",
         "pages render in the browser; there is no Node server for server-side rendering"),
        (enable_monitoring is True, "enable_monitoring=True", "there is no /monitoring page"),
        (run_history is True, "run_history=True", "there is no run history page"),
    )  # fmt: skip
    for asked, option, why in refused:
        if asked:
            raise UnsupportedOption("mount_gradio_app", option, why)


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
    _refuse_unsupported(ssr_mode, enable_monitoring, run_history)
    serve_mcp = mcp_wanted(mcp_server)
    check_combinations(
        auth=auth, auth_dependency=auth_dependency, i18n=i18n, favicon_path=favicon_path
    )
    blocks.set_page_options(
        theme=theme, css=css, css_paths=css_paths, js=js, head=head, head_paths=head_paths
    )
    blocks.footer_links = resolve_footer_links(footer_links)
    blocks.pwa, blocks.i18n, blocks.show_error = bool(pwa), i18n, show_error
    blocks.max_file_size = parse_size(max_file_size)
    settings = ServerSettings(
        show_error=show_error,
        loopback_only=is_loopback_host(server_name),
        max_file_size=blocks.max_file_size,
        allowed_paths=[str(p) for p in allowed_paths or []],
        blocked_paths=[str(p) for p in blocked_paths or []],
        auth=Authenticator(auth, auth_message) if auth is not None else None,
        auth_dependency=auth_dependency,
        auth_message=auth_message,
        root_path=resolve_root_path(root_path),
        favicon_path=str(favicon_path) if favicon_path is not None else None,
        pwa=blocks.pwa,
    )
    asgi = create_app(blocks, settings, app_options(app_kwargs), mcp_server=serve_mcp)
    mount_into(app, asgi, path)
    blocks.server_name, blocks.server_port, blocks.mount_path = server_name, server_port, path
    return app
