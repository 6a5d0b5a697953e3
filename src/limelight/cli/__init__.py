"""The ``limelight`` command. Each subcommand is a module of this package with
``add_parser(commands)`` (its arguments) and ``main(args)`` (what it does, returning the
exit status); ``COMMANDS`` lists them in the order ``--help`` shows them."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from types import ModuleType

from limelight._version import __version__
from limelight.cli import call, info, run

__all__ = ["COMMANDS", "main"]

COMMANDS: dict[str, ModuleType] = {"run": run, "info": info, "call": call}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="limelight",
        description="Run limelight (and Gradio-style) apps, and call running ones.",
    )
    parser.add_argument("--version", action="version", version=f"limelight {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    for module in COMMANDS.values():
        module.add_parser(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``limelight`` console script."""
    args = _parser().parse_args(argv)
    status: int = COMMANDS[args.command].main(args)
    return status


if __name__ == "__main__":
    sys.exit(main())
