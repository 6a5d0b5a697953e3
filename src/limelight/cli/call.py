"""``limelight call URL /endpoint ARGS...``: call an endpoint of a running app and print its
result.

Each argument is read as JSON when it is JSON (``3``, ``true``, ``[1, 2]``) and as text
otherwise; ``name=value`` after ``-k`` passes a parameter by name; ``@path`` uploads a file;
``--stream`` prints each output of a generator as it comes.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from limelight.cli._remote import add_connection_arguments, connect

__all__ = ["add_parser", "main", "parse_value"]


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """``limelight call URL /endpoint ARGS...``: its arguments."""
    call = commands.add_parser("call", help="call an endpoint of a running app")
    add_connection_arguments(call)
    call.add_argument("endpoint", help="the endpoint's api_name, e.g. /predict")
    call.add_argument("args", nargs="*", help="positional arguments: JSON, or plain text")
    call.add_argument(
        "-k",
        "--kwarg",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="a parameter by name (repeatable); VALUE as for positional arguments",
    )
    call.add_argument(
        "--stream", action="store_true", help="print each output of a generator as it comes"
    )


def parse_value(text: str) -> Any:
    """A command-line argument as a value: ``@path`` is a file, JSON is JSON, else text."""
    if text.startswith("@") and len(text) > 1:
        from limelight.client import handle_file  # the client extra, as in _remote.connect

        try:
            return handle_file(text[1:])
        except ValueError as exc:
            raise SystemExit(f"error: {exc}") from exc
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return text


def _keywords(pairs: list[str]) -> dict[str, Any]:
    found = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name:
            raise SystemExit(f"error: -k expects NAME=VALUE, got {pair!r}")
        found[name] = parse_value(value)
    return found


def main(args: argparse.Namespace) -> int:
    """Call the endpoint; print the result (text as it is, anything else as JSON), or with
    ``--stream`` each output as it comes."""
    from limelight.client import AppError  # the client extra, as in _remote.connect

    endpoint = args.endpoint if args.endpoint.startswith("/") else "/" + args.endpoint
    values = [parse_value(arg) for arg in args.args]
    keywords = _keywords(args.kwarg)
    with connect(args) as client:
        try:
            job = client.submit(*values, api_name=endpoint, **keywords)
            if args.stream:
                for output in job:
                    _show(output)
            result = job.result()
        except (ValueError, TypeError) as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        except AppError as exc:
            print(f"error: the app's function failed: {exc}", file=sys.stderr)
            return 1
    if not args.stream:
        _show(result)
    return 0


def _show(value: Any) -> None:
    print(value if isinstance(value, str) else json.dumps(value, indent=2, default=str), flush=True)
