"""``Blocks``: the app you build with ``with gr.Blocks() as demo:`` and serve with
``demo.launch()``."""

from __future__ import annotations

import os
import sys
import webbrowser
from typing import Any, NamedTuple

from starlette.applications import Starlette

from .blocks_base import BlocksBase
from .filestore import parse_size
from .i18n import I18n
from .server import create_app
from .server.auth import Authenticator
from .server.launch import RunningServer, choose_port
from .server.origin import is_loopback_host
from .server.services import ServerSettings

__all__ = ["Blocks", "LaunchResult", "launch_overrides"]


class LaunchResult(NamedTuple):
    """What ``launch`` returns: the ASGI app, the local URL, and the share URL (None)."""

    app: Starlette
    local_url: str
    share_url: str | None


PAGE_OPTIONS = ("theme", "css", "css_paths", "js", "head", "head_paths")
"""``launch`` keywords that style the page (Gradio 6 moved them there from ``Blocks``)."""

launch_overrides: dict[str, Any] = {}
"""Set by ``limelight run`` so its ``--host``/``--port`` win over the script's own launch."""


def _env(name: str) -> str | None:
    return os.environ.get(f"LIMELIGHT_{name}") or os.environ.get(f"GRADIO_{name}")


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

    def launch(
        self,
        inline: bool | None = None,
        inbrowser: bool = False,
        share: bool | None = None,
        debug: bool = False,
        max_threads: int = 40,
        auth: Any = None,
        auth_message: str | None = None,
        prevent_thread_lock: bool = False,
        show_error: bool = False,
        server_name: str | None = None,
        server_port: int | None = None,
        *,
        quiet: bool = False,
        allowed_origins: list[str] | None = None,
        max_file_size: int | str | None = None,
        allowed_paths: list[str] | None = None,
        blocked_paths: list[str] | None = None,
        **kwargs: Any,
    ) -> LaunchResult:
        """Serve the app and print its URL; blocks until Ctrl-C unless
        ``prevent_thread_lock=True``.

        ``server_name`` defaults to ``GRADIO_SERVER_NAME`` (or ``LIMELIGHT_SERVER_NAME``)
        or 127.0.0.1; ``server_port`` to ``GRADIO_SERVER_PORT`` or the first free port
        from 7860. ``show_error=True`` sends exception messages to clients.
        ``max_file_size`` (bytes, or text such as ``"5mb"``) bounds each upload;
        ``allowed_paths`` lists files and folders clients may read besides the file store
        (``GRADIO_TEMP_DIR``), and ``blocked_paths`` ones they may never read.
        ``auth`` (a ``(username, password)`` pair, a list of them, or a function returning
        whether a login is valid) puts the app behind a login form; ``auth_message`` is shown
        on it. ``theme``, ``css``, ``css_paths``, ``js``, ``head`` and ``head_paths`` style
        the page, as in Gradio 6 (they may also be given to ``Blocks``). ``i18n`` (a
        ``gr.I18n``) gives the page the translations of the ``i18n("key")`` strings.
        """
        page = {name: kwargs.pop(name) for name in PAGE_OPTIONS if name in kwargs}
        self.set_page_options(**page)
        self.i18n = kwargs.pop("i18n", self.i18n)
        if self.i18n is not None and not isinstance(self.i18n, I18n):
            raise TypeError("launch(i18n=...) takes a gr.I18n(en={...}, fr={...})")
        host = launch_overrides.get("host") or server_name or _env("SERVER_NAME") or "127.0.0.1"
        port_text = launch_overrides.get("port") or server_port or _env("SERVER_PORT")
        port = choose_port(host, int(port_text) if port_text is not None else None)
        self.show_error = show_error
        self.max_file_size = parse_size(max_file_size)
        settings = ServerSettings(
            show_error=show_error,
            max_threads=max_threads,
            loopback_only=is_loopback_host(host),
            allowed_origins=allowed_origins or [],
            max_file_size=self.max_file_size,
            allowed_paths=[str(p) for p in allowed_paths or []],
            blocked_paths=[str(p) for p in blocked_paths or []],
            auth=Authenticator(auth, auth_message) if auth is not None else None,
        )
        asgi = create_app(self, settings)
        self.server = RunningServer(asgi, host, port)
        self.server.start()
        shown_host = "127.0.0.1" if host in ("0.0.0.0", "::") else host
        self.server_name, self.server_port = host, self.server.port
        self.local_url = f"http://{shown_host}:{self.server.port}/"
        if not quiet:
            print(f"* Running on local URL:  {self.local_url}", flush=True)
        if inbrowser:
            webbrowser.open(self.local_url)
        if not prevent_thread_lock and not launch_overrides.get("no_block"):
            self.block_thread()
        return LaunchResult(asgi, self.local_url, None)

    def block_thread(self) -> None:
        """Wait until Ctrl-C (or ``close()`` from another thread), then stop serving."""
        try:
            if self.server is not None:
                # A join, not a polling loop: the idle process does not wake up.
                self.server.thread.join()
        except KeyboardInterrupt:
            print("Keyboard interruption in main thread... closing server.", file=sys.stderr)
        finally:
            self.close()

    def close(self, verbose: bool = True) -> None:
        """Stop the server started by ``launch``."""
        if self.server is not None:
            self.server.stop()
            self.server = None
            if verbose and self.local_url:
                print(f"Closing server running on port: {self.server_port}", file=sys.stderr)
