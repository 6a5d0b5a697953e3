"""``limelight dev app.py [--port N] [--host H] [--demo-name NAME]``: reload mode."""

from __future__ import annotations

import argparse
from pathlib import Path

from limelight import gradio_alias
from limelight.cli._app_args import add_app_arguments, require_file
from limelight.interfaces.blocks import launch_overrides
from limelight.interfaces.reload import DevServer

__all__ = ["add_parser", "main"]


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """``limelight dev app.py``: its arguments."""
    dev = commands.add_parser(
        "dev",
        help="run an app file and reload it in place on each save (`limelight app.py` too)",
        description="Serve the app of a file and run the file again whenever it, or a module "
        "it imports from its folder, is saved: the new app is swapped into the running "
        "server and open pages reload themselves. Code under `if gr.NO_RELOAD:` runs on "
        "the first run only.",
    )
    add_app_arguments(dev)


def main(args: argparse.Namespace) -> int:
    """Serve the app of ``args.file`` in reload mode."""
    file: Path = args.file
    require_file(file)
    if args.gradio:
        gradio_alias.install()
    if args.host:
        launch_overrides["host"] = args.host
    if args.port is not None:
        launch_overrides["port"] = args.port
    return DevServer(file, args.demo_name).run()
