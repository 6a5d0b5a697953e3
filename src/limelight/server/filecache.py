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

__all__ = ["has_initial_files", "prepare_initial_values", "sweep_cache"]

log = logging.getLogger("limelight")


def has_initial_files(app: BlocksBase) -> bool:
    """Whether ``prepare_initial_values`` has any file to store: most apps have none, and
    then start without a worker thread (which would stay in memory for the process's life)."""
    return any(
        (isinstance(block, FileComponent) and block.initial_value is not None)
        or (isinstance(block, Component) and _local_icon(block) is not None)
        for block in app.blocks.values()
    )


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
    icon = _local_icon(block)
    if icon is not None and Path(icon).is_file():
        block.icon = files.store_path(icon).model_dump()  # type: ignore[attr-defined]


def _local_icon(block: Component) -> str | Path | None:
    """A button's ``icon`` when it names a local path rather than a URL."""
    icon = getattr(block, "icon", None)
    if not isinstance(icon, (str, Path)) or str(icon).startswith(("http:", "https:", "data:")):
        return None
    return icon


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
