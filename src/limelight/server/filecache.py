"""The file store over an app's life: initial values stored at start, old files swept."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

from limelight.app.blocks_base import BlocksBase
from limelight.components.base import Component
from limelight.components.filebase import FileComponent, postprocess_value
from limelight.files.access import FileAccess
from limelight.files.processing import FileContext
from limelight.files.store import FileStore

__all__ = ["prepare_initial_values", "sweep_cache"]

log = logging.getLogger("limelight")


def prepare_initial_values(app: BlocksBase, access: FileAccess) -> None:
    """Store the files file components were created with, so the page can show them.

    The app's author chose these paths, so any local file is accepted here.
    """
    trusted = FileContext(FileAccess(access.store, trust_local=True))
    for block in app.blocks.values():
        if isinstance(block, FileComponent) and block.initial_value is not None:
            try:
                block.value = postprocess_value(block, block.initial_value, trusted)
            except Exception:
                log.exception("Cannot store the initial value of %r", block)
        if isinstance(block, Component):
            _store_icon(block, trusted)


def _store_icon(block: Component, files: FileContext) -> None:
    """A button's ``icon`` given as a local file (as Gradio allows) is stored and sent as a
    file the page can load; a URL is sent as it is."""
    icon = getattr(block, "icon", None)
    if not isinstance(icon, (str, Path)) or str(icon).startswith(("http:", "https:", "data:")):
        return
    if Path(icon).is_file():
        block.icon = files.store_path(icon).model_dump()  # type: ignore[attr-defined]


async def sweep_cache(store: FileStore, frequency: float, age: float) -> None:
    """Every ``frequency`` seconds, delete stored files older than ``age`` seconds
    (``delete_cache=(frequency, age)``)."""
    while True:
        await asyncio.sleep(frequency)
        try:
            removed = await store.expire(age)
        except OSError:
            log.exception("Cannot sweep the file cache at %s", store.root)
            continue
        if removed:
            log.info("Deleted %d cached file(s) older than %s s", removed, age)
