"""``limelight info URL``: the endpoints of a running app and their parameters."""

from __future__ import annotations

import argparse
import json

from limelight.cli._remote import add_connection_arguments, connect

__all__ = ["add_parser", "main"]


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """``limelight info URL``: its arguments."""
    info = commands.add_parser(
        "info", help="list a running app's API endpoints and their parameters"
    )
    add_connection_arguments(info)
    info.add_argument("--json", action="store_true", help="print /gradio_api/info as JSON")


def main(args: argparse.Namespace) -> int:
    """Print the app's endpoints (or its API description as JSON)."""
    with connect(args) as client:
        if args.json:
            print(json.dumps(client.view_api(print_info=False, return_format="dict"), indent=2))
        else:
            client.view_api()
    return 0
