"""What ``limelight info`` and ``limelight call`` share: a client of a running app, with
errors a person can act on."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from limelight.client import Client

__all__ = ["add_connection_arguments", "connect"]


def add_connection_arguments(parser: argparse.ArgumentParser) -> None:
    """The URL of the app, and its login when it has one."""
    parser.add_argument("url", help="the app's URL, e.g. http://127.0.0.1:7860")
    parser.add_argument(
        "--auth", metavar="USER:PASSWORD", default=None, help="log in first (launch(auth=))"
    )


def connect(args: argparse.Namespace) -> Client:
    """A client of the app at ``args.url``; exits with a one-line error when it is no app."""
    try:
        # httpx comes with the `client` extra: imported only by the commands that call apps,
        # so `limelight run` works without it.
        from limelight.client import Client
    except ImportError as exc:
        raise SystemExit(
            f"error: this command needs httpx ({exc}): pip install 'limelight[client]'"
        ) from exc
    auth = None
    if args.auth is not None:
        user, sep, password = args.auth.partition(":")
        if not sep:
            raise SystemExit("error: --auth expects USER:PASSWORD")
        auth = (user, password)
    try:
        return Client(args.url, auth=auth, download_files=False, verbose=False)
    except ValueError as exc:
        raise SystemExit(f"error: {exc}") from exc
    except ConnectionError as exc:
        raise SystemExit(f"error: {exc}\n(is the app running? check the URL and the port)") from exc
