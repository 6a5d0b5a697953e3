"""Reload mode, ``limelight dev app.py``: edit the app, see it live.

The file runs as ``__main__`` (its ``demo.launch()``, if any, serves through the
``DevServer`` instead of starting a server of its own). Saving the file, or a module it
imported from its own folder, runs it again with ``gr.NO_RELOAD`` False and swaps the new
app into the running server (``server/hot_swap.py``): same port, and the sessions (State,
logins) go on when the app's components are the same ones (the same ids and types). An
error while running it again is printed and shown on open pages; the last good app keeps
serving until the next save.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import runpy
import sys
import traceback
from collections.abc import Callable, Coroutine, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import watchfiles

from limelight.app.blocks_base import BlocksBase
from limelight.core.block import numbered_from, unused_id
from limelight.environment import set_no_reload
from limelight.interfaces.blocks import Blocks, LaunchResult, launch_overrides
from limelight.server import create_app
from limelight.server.hot_swap import HotSwap
from limelight.server.launch import PortInUse, RunningServer, TlsFiles
from limelight.server.services import ServerSettings
from limelight.server.share import ShareServer, open_share

if TYPE_CHECKING:
    from limelight.server.ssh_tunnel import SshTunnel

__all__ = ["DevServer", "find_app"]

WAKE_MS = 500
"""How often (milliseconds) the watcher also compares modification times, for saves it
did not see (made before it began watching)."""


def find_app(namespace: Mapping[str, object], name: str) -> Blocks:
    """The app a file defines: the variable ``name``, else its only app."""
    found = namespace.get(name)
    if isinstance(found, Blocks):
        return found
    apps = [value for value in namespace.values() if isinstance(value, Blocks)]
    if len(apps) == 1:
        return apps[0]
    raise SystemExit(
        f"error: no app found: define `{name} = gr.Blocks()` (or an Interface) in the file, "
        "or pass --demo-name"
    )


def _layout(app: BlocksBase) -> list[tuple[int, str]]:
    """The app's blocks as (id, kind): equal when an edit changed no component's place."""
    return [(block_id, type(block).__name__) for block_id, block in app.blocks.items()]


class DevServer:
    """Runs an app file, serves its app, and runs it again on each save (see the module's
    docstring). ``serve`` is what ``launch()`` calls while the file runs."""

    def __init__(self, file: Path, demo_name: str = "demo") -> None:
        self.file = file.resolve()
        self.demo_name = demo_name
        self.hot: HotSwap | None = None
        self.server: RunningServer | None = None
        self.share: SshTunnel | None = None
        self.local_url = ""
        self._served: BlocksBase | None = None
        self._served_this_run = False
        self._modules_before = set(sys.modules)
        self._watched: set[Path] = {self.file}
        self._run_stamps: dict[Path, tuple[int, int]] = {}
        """The watched files' modification times and sizes as the last run found them."""
        self._namespace: dict[str, Any] = {}
        """The names the file's last complete run defined."""
        self._first_id = unused_id()
        """Where each run's block ids start: an unchanged component keeps its id."""

    def run(self) -> int:
        """Serve the file's app and reload it on each save, until Ctrl-C; the exit status."""
        launch_overrides["dev"] = self
        sys.path.insert(0, str(self.file.parent))
        try:
            self._reload()
            while True:
                self._watch()
        except KeyboardInterrupt:
            return 0
        finally:
            launch_overrides.pop("dev", None)
            if self.share is not None:
                self.share.close()
            if self.server is not None:
                self.server.stop()

    def serve(
        self,
        blocks: BlocksBase,
        settings: ServerSettings,
        app_kwargs: Mapping[str, Any],
        *,
        mcp_server: bool,
        host: str,
        port: Callable[[], int],
        tls: TlsFiles | None,
        quiet: bool,
        share: ShareServer | None,
    ) -> LaunchResult:
        """Serve ``blocks``: start the server (and the share link) on the first run, swap
        it in afterwards (the host, port and share link of later runs are the first's)."""
        blocks.dev_mode = True
        if self.hot is None:
            asgi = create_app(blocks, settings, app_kwargs, mcp_server=mcp_server)
            self.hot = HotSwap(asgi)
            self.server = RunningServer(self.hot, host, port(), tls)
            self.server.start()
            shown_host = "127.0.0.1" if host in ("0.0.0.0", "::") else host
            self.local_url = f"{self.server.scheme}://{shown_host}:{self.server.port}/"
            if share is not None:
                self._open_share(share, host, settings.allowed_origins)
            if not quiet:
                print(f"* Running on local URL:  {self.local_url}", flush=True)
                if self.share is not None:
                    print(f"* Running on public URL: {self.share.url}", flush=True)
        else:
            assert self._served is not None
            keep = _layout(blocks) == _layout(self._served)
            services = self.hot.services.successor(blocks, settings, keep_sessions=keep)
            asgi = create_app(
                blocks, settings, app_kwargs, mcp_server=mcp_server, services=services
            )
            if self.share is not None:
                self.share.allow_from(settings.allowed_origins)
            self._on_server(self.hot.swap(asgi))
        self._served, self._served_this_run = blocks, True
        return LaunchResult(asgi, self.local_url, self.share.url if self.share else None)

    def _open_share(self, share: ShareServer, host: str, allowed_origins: list[str]) -> None:
        """Open the share link; if it fails, stop serving, so that the next save starts
        afresh (and tries the link again)."""
        assert self.server is not None
        try:
            self.share = open_share(share, host, self.server.port, allowed_origins)
        except BaseException:
            self.server.stop()
            self.server, self.hot = None, None
            raise

    def _run_file(self, *, first: bool) -> None:
        """Run the file and serve its app (when the file did not launch it itself)."""
        set_no_reload(first)
        self._served_this_run = False
        os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
        with numbered_from(self._first_id):
            # Each run starts from the names the last one left, as Gradio's reload does:
            # what code under `if gr.NO_RELOAD:` made (a loaded model) is still there.
            namespace = runpy.run_path(
                str(self.file), init_globals=self._namespace, run_name="__main__"
            )
        self._namespace = namespace
        if not self._served_this_run:
            app = find_app(namespace, self.demo_name)
            if app.mount_path is not None:
                raise SystemExit(
                    "error: limelight dev serves an app itself; this file mounts its app in "
                    "another application: run that one with its server's own reloader "
                    "(such as `uvicorn app:app --reload`)"
                )
            app.launch()
        self._watched = {self.file, *self._own_modules()}
        for path, stamp in self._stamps().items():
            # A module this run imported for the first time: as it was when imported.
            self._run_stamps.setdefault(path, stamp)

    def _own_modules(self) -> Iterable[Path]:
        """The files of modules the app imported from its own folder (and below)."""
        folder = self.file.parent
        self._run_stamps = self._stamps()
        for name in set(sys.modules) - self._modules_before:
            path = getattr(sys.modules.get(name), "__file__", None)
            if path is None:
                continue
            resolved = Path(path).resolve()
            # A virtual environment inside the app's folder holds libraries, not the app.
            installed = {"site-packages", "dist-packages"} & set(resolved.parts)
            if resolved.is_relative_to(folder) and not installed:
                yield resolved

    def _watch(self) -> None:
        """Wait for a save of a watched file and run the app again. The watcher also wakes
        every half second to compare the files' modification times with those of the last
        run: a save made before it began watching (just after a run) is not missed."""
        folders = {path.parent for path in self._watched}
        print(f"* Watching {', '.join(sorted(map(str, folders)))} for changes", flush=True)
        for changes in watchfiles.watch(
            *folders,
            watch_filter=lambda _change, path: Path(path) in self._watched,
            recursive=False,
            rust_timeout=WAKE_MS,
            yield_on_timeout=True,
        ):
            names = sorted({Path(path).name for _, path in changes} | self._changed_since_run())
            if not names:
                continue
            print(f"* Reloading: {', '.join(names)} changed", flush=True)
            self._reload()
            if {path.parent for path in self._watched} != folders:
                return

    def _stamps(self) -> dict[Path, tuple[int, int]]:
        """The watched files' modification times and sizes (a save within the clock tick
        of the last run shows in the size, if not in the time)."""
        stamps = {}
        for path in self._watched:
            with contextlib.suppress(OSError):
                stat = path.stat()
                stamps[path] = (stat.st_mtime_ns, stat.st_size)
        return stamps

    def _changed_since_run(self) -> set[str]:
        """The names of watched files saved since the last run began."""
        now = self._stamps()
        return {
            path.name
            for path, stamp in now.items()
            if path in self._run_stamps and self._run_stamps[path] != stamp
        }

    def _reload(self) -> None:
        """Run the (edited) app; on an error, report it and keep serving the last good app
        (until one ran, each run is a first run: code under ``gr.NO_RELOAD`` runs)."""
        for name in set(sys.modules) - self._modules_before:
            path = getattr(sys.modules.get(name), "__file__", None)
            if path is not None and Path(path).resolve() in self._watched:
                del sys.modules[name]  # imported afresh by the new run
        try:
            self._run_file(first=self.hot is None)
        except PortInUse:
            raise  # not the file's fault: saving it again would not help
        except (Exception, SystemExit) as exc:
            message = _app_traceback(exc, self.file.parent)
            print(message, file=sys.stderr, flush=True)
            if self.hot is None:
                print(f"* Fix {self.file.name} and save it: it runs again", flush=True)
            else:
                self._on_server(self.hot.report_error(message))

    def _on_server(self, work: Coroutine[Any, Any, None]) -> None:
        """Run ``work`` on the server's loop and wait for it."""
        assert self.hot is not None and self.hot.loop is not None
        asyncio.run_coroutine_threadsafe(work, self.hot.loop).result()


def _app_traceback(exc: BaseException, folder: Path) -> str:
    """The traceback of ``exc`` from the first frame in the app's folder on (the frames
    of limelight and runpy that ran the file say nothing about the error; a syntax error
    or a refusal of limelight's own, such as no app found, is then its message alone)."""
    frames = exc.__traceback__
    while frames is not None and not _inside(frames.tb_frame.f_code.co_filename, folder):
        frames = frames.tb_next
    return "".join(traceback.format_exception(type(exc), exc, frames))


def _inside(filename: str, folder: Path) -> bool:
    # Frozen modules have names such as "<frozen runpy>", which are not paths.
    path = Path(filename)
    return path.is_absolute() and path.resolve().is_relative_to(folder)
