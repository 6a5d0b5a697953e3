"""``limelight run app.py [--port N] [--host H] [--backend URL]``: serve an app file."""

from __future__ import annotations

import argparse
import os
import runpy
import sys
from pathlib import Path

from limelight import gradio_alias
from limelight.interfaces.blocks import Blocks, launch_overrides

__all__ = ["add_parser", "main", "run_file"]


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """``limelight run app.py``: its arguments."""
    run = commands.add_parser("run", help="run an app file that defines `demo` or calls launch()")
    run.add_argument("file", type=Path, help="the Python file of the app")
    run.add_argument("--port", type=int, default=None, help="port to listen on (default 7860+)")
    run.add_argument("--host", default=None, help="address to listen on (default 127.0.0.1)")
    run.add_argument("--demo-name", default="demo", help="the variable holding the app")
    run.add_argument(
        "--backend",
        default=None,
        help="where the app's shared state lives: memory (default) or redis://HOST:PORT/DB, "
        "so that many processes serve the app (overrides launch(backend=))",
    )
    run.add_argument(
        "--gradio",
        action="store_true",
        help="run an unmodified Gradio script: `import gradio` gives limelight",
    )


def _find_app(namespace: dict[str, object], name: str) -> Blocks:
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


def run_file(
    file: Path, host: str | None, port: int | None, demo_name: str, backend: str | None = None
) -> None:
    """Run ``file`` as ``__main__``; serve its app if the file neither launches nor mounts
    it. ``backend`` overrides the file's ``launch(backend=)`` (and serves mounted apps)."""
    if not file.is_file():
        raise SystemExit(f"error: no such file: {file}")
    if backend:
        launch_overrides["backend"] = backend
    if host:
        launch_overrides["host"] = host
    if port is not None:
        launch_overrides["port"] = port
    sys.path.insert(0, str(file.resolve().parent))
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    namespace = runpy.run_path(str(file), run_name="__main__")
    app = _find_app(namespace, demo_name)
    # A mounted app is served by its host application, which the file runs itself.
    if app.server is None and app.mount_path is None:
        app.launch()


def main(args: argparse.Namespace) -> int:
    """Serve the app of ``args.file``."""
    if args.gradio:
        gradio_alias.install()
    run_file(args.file, args.host, args.port, args.demo_name, args.backend)
    return 0
