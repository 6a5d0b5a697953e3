"""What ``limelight run`` and ``limelight dev`` both take: the app's file and where to serve it."""

from __future__ import annotations

import argparse
from pathlib import Path

__all__ = ["add_app_arguments", "require_file"]


def add_app_arguments(parser: argparse.ArgumentParser) -> None:
    """The file, ``--port``, ``--host``, ``--demo-name`` and ``--gradio`` arguments."""
    parser.add_argument("file", type=Path, help="the Python file of the app")
    parser.add_argument("--port", type=int, default=None, help="port to listen on (default 7860+)")
    parser.add_argument("--host", default=None, help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--demo-name", default="demo", help="the variable holding the app")
    parser.add_argument(
        "--gradio",
        action="store_true",
        help="run an unmodified Gradio script: `import gradio` gives limelight",
    )


def require_file(file: Path) -> None:
    """Exit with a clear message unless ``file`` is a file."""
    if not file.is_file():
        raise SystemExit(f"error: no such file: {file} (give the path of the app's .py file)")
