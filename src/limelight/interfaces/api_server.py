"""``gr.Server``: a FastAPI application whose ``@server.api`` functions are also endpoints of
limelight's API (queue, streaming, ``gradio_client``), served next to its own routes.

FastAPI is the optional ``limelight[fastapi]`` extra: this module is imported only when
``gr.Server`` is first used.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path
from typing import Any, Literal

try:
    from fastapi import FastAPI, Request
except ImportError as missing:
    raise ImportError(
        "gr.Server is a FastAPI application: install FastAPI with pip install 'limelight[fastapi]'"
    ) from missing

from limelight.app.api_endpoint import api
from limelight.i18n import I18n
from limelight.interfaces.blocks import Blocks, LaunchResult
from limelight.mcp.markers import McpNamespace
from limelight.server.auth import AuthSpec

__all__ = ["Server"]

Fn = Callable[..., Any]

# FastAPI's own defaults for these are not None, so they are passed only when given.
_PASSED_WHEN_GIVEN = (
    "dependencies",
    "default_response_class",
    "middleware",
    "exception_handlers",
    "on_startup",
    "on_shutdown",
    "lifespan",
    "callbacks",
    "webhooks",
    "generate_unique_id_function",
)


class Server(FastAPI):
    """A FastAPI application with limelight's API: ``@server.api(name=...)`` makes a
    function an endpoint that ``gradio_client`` calls (through the queue, with streaming),
    with no UI; FastAPI's own routes (``@server.get("/")``), middleware and routers work as
    usual and win over limelight's. ``launch()`` serves it.

    ```python
    server = gr.Server()

    @server.api(name="add")
    def add(a: int, b: int) -> int:
        return a + b

    server.launch()
    ```
    """

    def __init__(
        self,
        *,
        debug: bool = False,
        title: str = "FastAPI",
        summary: str | None = None,
        description: str = "",
        version: str = "0.1.0",
        openapi_url: str | None = "/openapi.json",
        openapi_tags: list[dict[str, Any]] | None = None,
        servers: list[dict[str, Any]] | None = None,
        dependencies: Any = None,
        default_response_class: Any = None,
        redirect_slashes: bool = True,
        docs_url: str | None = "/docs",
        redoc_url: str | None = "/redoc",
        middleware: Any = None,
        exception_handlers: Any = None,
        on_startup: Any = None,
        on_shutdown: Any = None,
        lifespan: Any = None,
        terms_of_service: str | None = None,
        contact: dict[str, Any] | None = None,
        license_info: dict[str, Any] | None = None,
        root_path: str = "",
        root_path_in_servers: bool = True,
        responses: dict[int | str, dict[str, Any]] | None = None,
        callbacks: Any = None,
        webhooks: Any = None,
        deprecated: bool | None = None,
        include_in_schema: bool = True,
        generate_unique_id_function: Any = None,
        separate_input_output_schemas: bool = True,
        **extra: Any,
    ) -> None:
        """The keywords are FastAPI's, passed to it unchanged."""
        options = {k: v for k, v in locals().items() if k not in ("self", "extra", "__class__")}
        for name in _PASSED_WHEN_GIVEN:
            if options[name] is None:
                del options[name]
        super().__init__(**options, **extra)
        self.endpoints: list[tuple[Fn, dict[str, Any]]] = []
        """The ``@api`` functions and their options, made endpoints by ``launch``."""
        self.blocks: Blocks | None = None
        """The app ``launch`` built from the endpoints (None before)."""
        self._mcp = McpNamespace()

    @property
    def mcp(self) -> McpNamespace:
        """Decorators marking functions as MCP tools, resources and prompts (``gr.mcp``'s):
        an ``@api`` function is a tool of ``launch(mcp_server=True)`` unless marked as a
        resource or prompt."""
        return self._mcp

    def api(
        self,
        fn: Fn | None = None,
        *,
        name: str | None = None,
        description: str | None = None,
        concurrency_limit: int | Literal["default"] | None = "default",
        concurrency_id: str | None = None,
        queue: bool = True,
        batch: bool = False,
        max_batch_size: int = 4,
        api_visibility: Literal["public", "private", "undocumented"] = "public",
        time_limit: int | None = None,
        stream_every: float = 0.5,
    ) -> Any:
        """Make ``fn`` an API endpoint named ``name`` (as ``gr.api``: typed by its hints,
        run through the queue). Used bare or as ``@server.api(name=...)``; returns ``fn``."""
        options: dict[str, Any] = {
            "api_name": name,
            "api_description": description,
            "concurrency_limit": concurrency_limit,
            "concurrency_id": concurrency_id,
            "queue": queue,
            "batch": batch,
            "max_batch_size": max_batch_size,
            "api_visibility": api_visibility,
            "time_limit": time_limit,
            "stream_every": stream_every,
        }

        def register(func: Fn) -> Fn:
            if self.blocks is not None:
                raise RuntimeError("Server.api: add endpoints before launch()")
            self.endpoints.append((func, options))
            return func

        return register if fn is None else register(fn)

    def launch(
        self,
        inline: bool | None = None,
        inbrowser: bool = False,
        share: bool | None = None,
        debug: bool = False,
        max_threads: int = 40,
        auth: AuthSpec | None = None,
        auth_message: str | None = None,
        prevent_thread_lock: bool = False,
        show_error: bool = False,
        server_name: str | None = None,
        server_port: int | None = None,
        *,
        height: int = 500,
        width: int | str = "100%",
        favicon_path: str | Path | None = None,
        ssl_keyfile: str | None = None,
        ssl_certfile: str | None = None,
        ssl_keyfile_password: str | None = None,
        ssl_verify: bool = True,
        quiet: bool = False,
        footer_links: list[str | dict[str, str]] | None = None,
        run_history: bool | None = None,
        allowed_paths: list[str] | None = None,
        blocked_paths: list[str] | None = None,
        root_path: str | None = None,
        app_kwargs: dict[str, Any] | None = None,
        state_session_capacity: int = 10000,
        share_server_address: str | None = None,
        share_server_protocol: Literal["http", "https"] | None = None,
        share_server_tls_certificate: str | None = None,
        auth_dependency: Callable[[Request], str | Awaitable[str | None] | None] | None = None,
        max_file_size: str | int | None = None,
        enable_monitoring: bool | None = None,
        strict_cors: bool = True,
        node_server_name: str | None = None,
        node_port: int | None = None,
        ssr_mode: bool | None = None,
        pwa: bool | None = None,
        mcp_server: bool | None = None,
        _frontend: bool = True,
        i18n: I18n | None = None,
        theme: Any = None,
        css: str | None = None,
        css_paths: str | Path | Sequence[str | Path] | None = None,
        js: str | None = None,
        head: str | None = None,
        head_paths: str | Path | Sequence[str | Path] | None = None,
        num_workers: int | None = None,
        backend: str | None = None,
        allowed_hosts: list[str] | None = None,
        forwarded_allow_ips: list[str] | str | None = None,
    ) -> LaunchResult:
        """Serve this application with its endpoints; the keywords are ``Blocks.launch``'s
        and do the same. Returns this application, the local URL and the share URL
        (None without ``share=True``)."""
        options = {k: v for k, v in locals().items() if k not in ("self", "__class__")}
        if self.blocks is not None:
            raise RuntimeError("This Server was launched already.")
        with Blocks(mode="server") as blocks:
            for fn, endpoint_options in self.endpoints:
                api(fn, **endpoint_options)
        self.blocks = blocks
        try:
            return blocks.launch(_app=self, **options)
        except BaseException:
            # A refused keyword or a busy port: the Server can be launched again.
            self.blocks = None
            raise
