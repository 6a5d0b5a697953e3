"""Helpers for the gradio_client tests: one live app for a whole module."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from gradio_client import Client

from limelight.interfaces.blocks import Blocks
from tests.support import launch_on_loopback

__all__ = ["served_client"]


@contextmanager
def served_client(demo: Blocks, downloads: Path) -> Iterator[Client]:
    """A gradio_client ``Client`` of ``demo``, served on a loopback port for the block; the
    files it gets go to ``downloads``."""
    try:
        yield Client(launch_on_loopback(demo), verbose=False, download_files=str(downloads))
    finally:
        demo.close(verbose=False)
