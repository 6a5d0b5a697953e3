"""``limelight run app.py [--port N] [--host H]``: serve an app file."""

from __future__ import annotations

import argparse
import os
import runpy
import sys
from pathlib import Path

from limelight import gradio_alias
from limelight.interfaces.blocks import launch_overrides
from limelight.interfaces.reload import find_app

__all__ = ["add_parser", "main", "run_file"]


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """``limelight run app.py``: its arguments."""
    run = commands.add_parser("run", help="run an app file that defines `demo` or calls launch()")
    run.add_argument("file", type=Path, help="the Python file of the app")
    run.add_argument("--port", type=int, default=None, help="port to listen on (default 7860+)")
    run.add_argument("--host", default=None, help="address to listen on (default 127.0.0.1)")
    run.add_argument("--demo-name", default="demo", help="the variable holding the app")
    run.add_argument(
        "--gradio",
        action="store_true",
        help="run an unmodified Gradio script: `import gradio` gives limelight",
    )


def run_file(file: Path, host: str | None, port: int | None, demo_name: str) -> None:
    """Run ``file`` as ``__main__``; serve its app if the file neither launches nor mounts
    it."""
    if not file.is_file():
        raise SystemExit(f"error: no such file: {file} (give the path of the app's .py file)")
    if host:
        launch_overrides["host"] = host
    if port is not None:
        launch_overrides["port"] = port
    sys.path.insert(0, str(file.resolve().parent))
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    namespace = runpy.run_path(str(file), run_name="__main__")
    app = find_app(namespace, demo_name)
    # A mounted app is served by its host application, which the file runs itself.
    if app.server is None and app.mount_path is None:
        app.launch()


def main(args: argparse.Namespace) -> int:
    """Serve the app of ``args.file``."""
    if args.gradio:
        gradio_alias.install()
    run_file(args.file, args.host, args.port, args.demo_name)
    return 0
