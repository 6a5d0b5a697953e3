"""What ``limelight info`` and ``limelight call`` share: a client of a running app, with
errors a person can act on."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from limelight.client import Client

__all__ = ["connect"]


def connect(url: str) -> Client:
    """A client of the app at ``url``; exits with a one-line error when it is no app."""
    try:
        # httpx comes with the `client` extra: imported only by the commands that call apps,
        # so `limelight run` works without it.
        from limelight.client import Client
    except ImportError as exc:
        raise SystemExit(
            f"error: this command needs httpx ({exc}): pip install 'limelight[client]'"
        ) from exc
    try:
        return Client(url, download_files=False)
    except ValueError as exc:
        raise SystemExit(f"error: {exc}") from exc
    except ConnectionError as exc:
        raise SystemExit(f"error: {exc}\n(is the app running? check the URL and the port)") from exc
