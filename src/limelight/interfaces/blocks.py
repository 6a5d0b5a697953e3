"""``Blocks``: the app you build with ``with gr.Blocks() as demo:`` and serve with
``demo.launch()``."""

from __future__ import annotations

import functools
import os
import signal
import ssl
import sys
import threading
import weakref
import webbrowser
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from starlette.applications import Starlette

from limelight.app.blocks_base import BlocksBase
from limelight.backends.select import implementations
from limelight.exceptions import NotSupportedError
from limelight.i18n import I18n
from limelight.interfaces._launch_options import (
    app_options,
    connection_limits,
    env_flag,
    host_settings,
    mcp_wanted,
    prepare_app,
    refuse_unsupported,
    share_wanted,
    tls_files,
    verify_certificate,
)
from limelight.interfaces.notebook import NotebookApps, in_notebook, show_inline
from limelight.server import create_app
from limelight.server.auth import AuthSpec, UserOf
from limelight.server.launch import (
    ConnectionLimits,
    Drain,
    RunningServer,
    TlsFiles,
    choose_port,
    grace_period,
)
from limelight.server.mcp import MCP_PATH
from limelight.server.mounting import mount_into
from limelight.server.origin import is_loopback_host
from limelight.server.share import ShareServer, open_share, share_server

if TYPE_CHECKING:
    from limelight.server.ssh_tunnel import SshTunnel

__all__ = ["Blocks", "LaunchResult", "close_all", "launch_overrides"]


class LaunchResult(NamedTuple):
    """What ``launch`` returns: the ASGI app, the local URL, and the share URL (None
    without ``share=True``)."""

    app: Starlette
    local_url: str
    share_url: str | None

    def _ipython_display_(self) -> None:
        """Show nothing when a notebook cell ends with ``launch()``: the app is shown already."""


launch_overrides: dict[str, Any] = {}
"""Set by ``limelight run`` so its ``--host``/``--port`` win over the script's own launch;
``"dev"``: the ``DevServer`` of ``limelight dev``, which serves what ``launch`` is given."""


def _env(name: str) -> str | None:
    return os.environ.get(f"LIMELIGHT_{name}") or os.environ.get(f"GRADIO_{name}")


NOTEBOOK_APPS = NotebookApps()
"""The apps launched from this process's notebook cells (when it is a Jupyter kernel)."""


def _host(server_name: str | None) -> str:
    """Where to listen: ``limelight run``'s override, the argument, the environment, or
    127.0.0.1."""
    host: str = launch_overrides.get("host") or server_name or _env("SERVER_NAME") or "127.0.0.1"
    return host


def _port(host: str, server_port: int | None, notebook: bool = False) -> int:
    """The port to listen on: the one ``limelight run --workers`` shares, ``limelight
    run``'s override, the argument, the environment, or the first free port from 7860. In a
    notebook, the app this cell launched before (or another on the same port) is closed
    first, and its port reused."""
    shared = launch_overrides.get("socket")
    if shared is not None:
        return int(shared.getsockname()[1])
    port_text = launch_overrides.get("port") or server_port or _env("SERVER_PORT")
    port = int(port_text) if port_text is not None else None
    if notebook:
        port = NOTEBOOK_APPS.replace(host, port)
    return choose_port(host, port)


def _blocks_thread(debug: bool, prevent_thread_lock: bool, notebook: bool) -> bool:
    """Whether ``launch`` waits for the server: always with ``debug`` (or ``GRADIO_DEBUG``),
    else unless ``prevent_thread_lock``, a notebook or an interactive session (``python -i``,
    a REPL)."""
    if launch_overrides.get("no_block"):
        return False
    interactive = notebook or bool(getattr(sys, "ps1", sys.flags.interactive))
    return debug or env_flag("DEBUG") or not (prevent_thread_lock or interactive)


class Blocks(BlocksBase):
    """An app made of blocks: open it with ``with``, create components, layouts and
    listeners inside, then call ``launch()``.

    ```python
    with gr.Blocks() as demo:
        name = gr.Textbox(label="Name")
        greeting = gr.Textbox(label="Greeting")
        gr.Button("Greet").click(lambda n: f"Hello {n}!", name, greeting)
    demo.launch()
    ```
    """

    server: RunningServer | None = None
    local_url: str | None = None
    server_name: str | None = None
    server_port: int | None = None
    mount_path: str | None = None
    """Where ``gr.mount_gradio_app`` serves the app in another application's server."""
    _drain: Drain | None = None
    share: SshTunnel | None = None
    """The tunnel behind ``share_url`` (``launch(share=True)``)."""
    share_url: str | None = None

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
        footer_links: Sequence[str | Mapping[str, str]] | None = None,
        run_history: bool | None = None,
        allowed_paths: list[str] | None = None,
        blocked_paths: list[str] | None = None,
        root_path: str | None = None,
        app_kwargs: dict[str, Any] | None = None,
        state_session_capacity: int = 10000,
        share_server_address: str | None = None,
        share_server_protocol: Literal["http", "https"] | None = None,
        share_server_tls_certificate: str | None = None,
        auth_dependency: UserOf | None = None,
        max_file_size: int | str | None = None,
        enable_monitoring: bool | None = None,
        strict_cors: bool = True,
        node_server_name: str | None = None,
        node_port: int | None = None,
        ssr_mode: bool | None = None,
        pwa: bool | None = None,
        mcp_server: bool | None = None,
        num_workers: int | None = None,
        _app: Starlette | None = None,
        _frontend: bool = True,
        i18n: I18n | None = None,
        theme: Any = None,
        css: str | None = None,
        css_paths: str | Path | Sequence[str | Path] | None = None,
        js: str | None = None,
        head: str | None = None,
        head_paths: str | Path | Sequence[str | Path] | None = None,
        allowed_origins: list[str] | None = None,
        file_store: str | None = None,
        backend: str | None = None,
        allowed_hosts: list[str] | None = None,
        forwarded_allow_ips: list[str] | str | None = None,
    ) -> LaunchResult:
        """Serve the app and print its URL; blocks until Ctrl-C unless
        ``prevent_thread_lock=True`` (``debug=True`` blocks regardless). Returns the ASGI app,
        the local URL and the share URL (None without ``share=True``).

        The keywords are Gradio's; README's "Launch options" says what each does here. Those
        naming a feature limelight lacks (``ssr_mode``, ``enable_monitoring``, ``run_history``
        set True, ``inline`` outside a notebook) raise ``UnsupportedOption``; ``share=True``
        opens a reverse SSH tunnel through ``share_server_address`` (``server/share.py``).
        In a Jupyter notebook ``launch`` returns at once and (unless ``inline=False``) shows the
        app under the cell, ``width`` by ``height``; running the cell again replaces the app it
        launched (``interfaces/notebook.py``). ``_app``
        (a Starlette or FastAPI application, as ``gr.Server`` passes) serves the app inside it;
        ``allowed_origins`` is limelight's own (other sites whose pages may call the app), as
        are ``allowed_hosts`` (the ``Host`` names served besides loopback ones) and
        ``forwarded_allow_ips`` (the proxies whose ``X-Forwarded-*`` headers are believed),
        ``backend`` (``LIMELIGHT_BACKEND``, ``limelight run --backend``): a Redis URL puts the
        app's shared state there, so that many processes serve it (docs/scaleout.md),
        and ``file_store`` (``s3://bucket/prefix`` or a folder shared by the app's processes;
        default: ``LIMELIGHT_FILE_STORE``, else the cache folder).
        ``mcp_server=True`` (or ``GRADIO_MCP_SERVER``) also serves the app's public
        endpoints as MCP tools at ``/gradio_api/mcp/`` (needs ``limelight[mcp]``).
        """
        notebook = in_notebook()
        refuse_unsupported(
            inline=None if notebook else inline,
            ssr_mode=ssr_mode,
            enable_monitoring=enable_monitoring,
            run_history=run_history,
        )
        serve_mcp = mcp_wanted(mcp_server)
        host = _host(server_name)
        limits = connection_limits(forwarded_allow_ips)
        settings = prepare_app(
            self,
            loopback_only=is_loopback_host(host),
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
            max_threads=max_threads,
            allowed_origins=allowed_origins or [],
            strict_cors=strict_cors,
            state_session_capacity=state_session_capacity,
            **host_settings(
                loopback_only=is_loopback_host(host),
                allowed_hosts=allowed_hosts,
                trust_forwarded=bool(limits.forwarded_allow_ips),
            ),
            file_store=file_store,
        )
        tls = tls_files(ssl_keyfile, ssl_certfile, ssl_keyfile_password)
        # The tunnel forwards bytes: an app served over HTTPS is HTTPS at the public URL too.
        share_to = (
            share_server(
                share_server_address,
                share_server_protocol or ("https" if tls else None),
                share_server_tls_certificate,
            )
            if share_wanted(share)
            else None
        )
        dev = launch_overrides.get("dev")
        if dev is not None:
            if _app is not None:
                raise NotSupportedError(
                    "limelight dev reloads Blocks apps; a gr.Server is a FastAPI application: "
                    "run it with `limelight run` (or its server's own reloader)"
                )
            served: LaunchResult = dev.serve(
                self,
                settings,
                app_options(app_kwargs),
                mcp_server=serve_mcp,
                host=host,
                port=lambda: _port(host, server_port),
                tls=tls,
                quiet=quiet,
                share=share_to,
            )
            return served
        port = _port(host, server_port, notebook)
        shared = implementations(launch_overrides.get("backend") or backend, self, settings)
        asgi: Starlette = create_app(
            self, settings, app_options(app_kwargs), mcp_server=serve_mcp, implementations=shared
        )
        self._drain = asgi.state.services.drain
        if _app is not None:
            # gr.Server: the app's own routes come first, limelight's serve the rest.
            mount_into(_app, asgi, "/")
            asgi = _app
        self._serve(asgi, host, port, tls, limits, check_certificate=ssl_verify and _frontend)
        if share_to is not None:
            self._open_share(share_to, host, settings.allowed_origins)
        if not quiet:
            print(f"* Running on local URL:  {self.local_url}", flush=True)
            if self.share_url is not None:
                print(f"* Running on public URL: {self.share_url}", flush=True)
            if serve_mcp:
                print(
                    f"* MCP server (streamable HTTP): {self.local_url}{MCP_PATH[1:]}/", flush=True
                )
        if inbrowser and self.local_url:
            webbrowser.open(self.local_url)
        if notebook:
            NOTEBOOK_APPS.launched(self)
            if inline is not False and self.local_url:
                show_inline(self.local_url, width, height)
        if _blocks_thread(debug, prevent_thread_lock, notebook):
            self.block_thread()
        return LaunchResult(asgi, self.local_url or "", self.share_url)

    def _serve(
        self,
        asgi: Starlette,
        host: str,
        port: int,
        tls: TlsFiles | None,
        limits: ConnectionLimits,
        check_certificate: bool,
    ) -> None:
        """Start the server; with HTTPS, check the certificate it serves unless told not to."""
        shared = launch_overrides.get("socket")
        self.server = RunningServer(asgi, host, port, tls, limits, sock=shared, drain=self._drain)
        self.server.start()
        _SERVING.add(self)
        shown_host = "127.0.0.1" if host in ("0.0.0.0", "::") else host
        self.server_name, self.server_port = host, self.server.port
        self.local_url = f"{self.server.scheme}://{shown_host}:{self.server.port}/"
        if tls is None or not check_certificate:
            return
        try:
            verify_certificate(shown_host, self.server.port)
        except ssl.SSLCertVerificationError as exc:
            self.close(verbose=False)
            raise ValueError(
                f"The certificate served at {self.local_url} does not verify "
                f"({exc.verify_message}). To serve a self-signed certificate, pass "
                "ssl_verify=False."
            ) from exc

    def _open_share(self, server: ShareServer, host: str, allowed_origins: list[str]) -> None:
        """Open the share link to the running server; if it fails, stop serving."""
        assert self.server is not None
        try:
            self.share = open_share(server, host, self.server.port, allowed_origins)
        except BaseException:
            self.close(verbose=False)
            raise
        self.share_url = self.share.url

    def block_thread(self) -> None:
        """Wait until Ctrl-C (or ``close()`` from another thread), then stop serving. SIGTERM
        stops gracefully: no new connections, running jobs get ``grace_period()`` seconds."""
        previous = None
        if threading.current_thread() is threading.main_thread():
            terminated = functools.partial(self._terminated, grace_period())
            previous = signal.signal(signal.SIGTERM, terminated)
        try:
            if self.server is not None:
                # A join, not a polling loop: the idle process does not wake up.
                self.server.thread.join()
        except KeyboardInterrupt:
            print("Keyboard interruption in main thread... closing server.", file=sys.stderr)
        finally:
            if previous is not None:
                signal.signal(signal.SIGTERM, previous)
            self.close()

    def _terminated(self, grace: float, signum: int, frame: object) -> None:
        """SIGTERM: stop gracefully; ``block_thread``'s join returns once the server has."""
        if self.server is not None:
            print(f"Terminated: finishing running jobs (up to {grace:g} s)...", file=sys.stderr)
            self.server.stop_gracefully(grace)

    def close(self, verbose: bool = True) -> None:
        """Stop the server started by ``launch``."""
        _SERVING.discard(self)
        if self.share is not None:
            self.share.close()
            self.share, self.share_url = None, None
        if self.server is not None:
            self.server.stop()
            self.server = None
            if verbose and self.local_url:
                print(f"Closing server running on port: {self.server_port}", file=sys.stderr)


_SERVING: weakref.WeakSet[Blocks] = weakref.WeakSet()
"""Apps whose server is running, for ``close_all``; weak so a dropped app is not kept."""


def close_all(verbose: bool = True) -> None:
    """Stop the server of every app this process launched and has not closed."""
    for app in list(_SERVING):
        app.close(verbose=verbose)
