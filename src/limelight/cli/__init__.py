"""The ``limelight`` command. Each subcommand is a module of this package with
``add_parser(commands)`` (its arguments) and ``main(args)`` (what it does, returning the
exit status); ``COMMANDS`` lists them in the order ``--help`` shows them. ``limelight
app.py`` (a file rather than a command) is ``limelight dev app.py``, as ``gradio app.py``
is Gradio's reload mode."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from types import ModuleType

from limelight._version import __version__
from limelight.cli import call, dev, info, run
from limelight.server.launch import PortInUse

__all__ = ["COMMANDS", "main"]

COMMANDS: dict[str, ModuleType] = {"run": run, "dev": dev, "info": info, "call": call}

EXAMPLES = """\
examples:
  limelight app.py                 serve app.py, reloading it in place on each save
  limelight dev app.py --port 8000 the same, on port 8000
  limelight run app.py             serve app.py as `python app.py` would
  limelight run app.py --host 0.0.0.0 --demo-name ui
                                   serve the app named `ui` on every interface
  limelight run --gradio app.py    run an unmodified Gradio script (`import gradio`)
  GRADIO_SHARE=true LIMELIGHT_SHARE_SERVER=you@your-server limelight run app.py
                                   also share it at http://your-server:PORT, through an
                                   SSH tunnel to your server (README: "Share links")
  limelight info http://127.0.0.1:7860/
                                   list a running app's endpoints and their parameters
  limelight call http://127.0.0.1:7860/ /predict "hello"
                                   call one and print the result

`limelight COMMAND --help` describes a command's options.
"""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="limelight",
        description="Run limelight (and Gradio-style) apps, and call running ones.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"limelight {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in COMMANDS.values():
        module.add_parser(commands)
    return parser


def _with_command(argv: Sequence[str]) -> list[str]:
    """``argv`` with ``dev`` in front when it starts with a file rather than a command."""
    args = list(argv)
    if args and args[0] not in COMMANDS and not args[0].startswith("-"):
        if args[0].endswith(".py"):
            return ["dev", *args]
        raise SystemExit(
            f"limelight: error: {args[0]!r} is neither a command ({', '.join(COMMANDS)}) nor "
            "a .py file: run an app with `limelight app.py`; `limelight --help` lists the "
            "commands"
        )
    return args


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``limelight`` console script."""
    given = sys.argv[1:] if argv is None else argv
    parser = _parser()
    if not given:
        parser.print_help(sys.stderr)
        return 2
    args = parser.parse_args(_with_command(given))
    try:
        status: int = COMMANDS[args.command].main(args)
    except PortInUse as exc:  # its message names the fix; a traceback would bury it
        print(f"limelight: error: {exc}", file=sys.stderr)
        return 1
    return status


if __name__ == "__main__":
    sys.exit(main())
