"""Helpers for the gradio_client tests: one live app for a whole module, files' digests."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from gradio_client import Client

from limelight.interfaces.blocks import Blocks
from tests.support import launch_on_loopback

__all__ = ["digest", "served_client"]


@contextmanager
def served_client(demo: Blocks, downloads: Path) -> Iterator[Client]:
    """A gradio_client ``Client`` of ``demo``, served on a loopback port for the block; the
    files it gets go to ``downloads``."""
    try:
        yield Client(launch_on_loopback(demo), verbose=False, download_files=str(downloads))
    finally:
        demo.close(verbose=False)


def digest(path: str | Path) -> str:
    """The SHA-256 of a file's bytes, to tell a file passed on untouched."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()
