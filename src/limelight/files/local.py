"""The file store on the local disk: the file of key ``<digest>/<name>`` is kept at
``root/<digest>/<name>``, the layout file URLs have always named.

Several processes (or stores) over one folder share its file key (``files/signing.py``), so
each finds the files the others stored. Nothing is created until the first file is written.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import shutil
import time
import uuid
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import BinaryIO

import anyio

from limelight.files.signing import file_key
from limelight.files.store import (
    CHUNK,
    FileStore,
    FileTooLarge,
    FileWriter,
    default_cache_dir,
    safe_name,
    split_key,
)

__all__ = ["PARTIAL_DIR", "LocalFileStore", "LocalWriter"]

PARTIAL_DIR = ".partial"
PLACE_TRIES = 5
"""Moves into place tried before giving up while other processes sweep the folder."""
INLINE_WRITE = 256 * 1024
"""Chunks up to this size are written on the event loop: a thread hop would cost more."""


class LocalWriter(FileWriter):
    """A file being written under ``<root>/.partial``, moved into place on ``commit``."""

    def __init__(self, store: LocalFileStore, name: str, limit: int | None) -> None:
        self.store = store
        self.name = safe_name(name)
        self.limit = limit
        self.size = 0
        self._hash = hmac.new(store.key, digestmod=hashlib.sha256)
        store.partial_dir.mkdir(parents=True, exist_ok=True)
        self.temp = store.partial_dir / uuid.uuid4().hex
        self._file: BinaryIO = self.temp.open("xb")

    def write_now(self, data: bytes) -> None:
        """``write``, blocking (for callers already off the event loop)."""
        self.size += len(data)
        if self.limit is not None and self.size > self.limit:
            self.discard_now()
            raise FileTooLarge(f"File larger than the {self.limit}-byte limit")
        self._hash.update(data)
        self._file.write(data)

    def commit_now(self) -> Path:
        """``commit``, blocking; returns the file's local path."""
        self._file.close()
        return self.store.place(self.temp, self._hash.hexdigest(), self.name)

    def discard_now(self) -> None:
        """``discard``, blocking."""
        self._file.close()
        self.temp.unlink(missing_ok=True)

    async def write(self, data: bytes) -> None:
        if len(data) <= INLINE_WRITE:
            self.write_now(data)
        else:
            await anyio.to_thread.run_sync(self.write_now, data)

    async def commit(self) -> str:
        path = await anyio.to_thread.run_sync(self.commit_now)
        return f"{path.parent.name}/{path.name}"

    async def discard(self) -> None:
        self.discard_now()


class LocalFileStore(FileStore):
    """Files on the local disk under ``root`` (default: ``default_cache_dir()``).

    ``key`` is the secret content is hashed under (default: the app's shared file key,
    ``files/signing.py``, read when the first file is written). ``clock`` gives the current
    time in ``time.time()`` seconds; tests pass their own. ``shared``: other processes
    serve from the same folder (``FileStore.shared``).
    """

    def __init__(
        self,
        root: Path | str | None = None,
        *,
        key: bytes | None = None,
        clock: Callable[[], float] = time.time,
        shared: bool = False,
    ) -> None:
        self.root = Path(os.path.realpath(root or default_cache_dir()))
        self.shared = shared
        self.partial_dir = self.root / PARTIAL_DIR
        self._key = key
        self.clock = clock
        self.created: set[Path] = set()
        """Files this store instance wrote (``clear`` deletes only these)."""

    @property
    def key(self) -> bytes:
        """The secret content is hashed under (read or created on first use)."""
        if self._key is None:
            self._key = file_key(self.root)
        return self._key

    def place(self, temp: Path, digest: str, name: str) -> Path:
        """Move a finished file to ``<root>/<digest>/<name>`` (keeping an identical copy).

        Another process sharing the folder may delete the identical copy or sweep the
        digest folder (``expire`` removes empty ones) at any moment: a move that finds
        either gone tries again, with the folder made anew."""
        folder = self.root / digest
        target = folder / name
        for attempt in range(PLACE_TRIES):
            folder.mkdir(parents=True, exist_ok=True)
            try:
                if target.exists():
                    os.utime(target)
                    temp.unlink(missing_ok=True)
                else:
                    os.replace(temp, target)
                break
            except FileNotFoundError:
                if attempt == PLACE_TRIES - 1 or not temp.exists():
                    raise
        self.created.add(target)
        return target

    def writer(self, name: str, limit: int | None = None) -> LocalWriter:
        """A new file to write in chunks, blocking (``open_writer`` without the await)."""
        return LocalWriter(self, name, limit)

    # --- blocking ------------------------------------------------------------------------
    def add_bytes(self, data: bytes, name: str) -> Path:
        pending = self.writer(name)
        pending.write_now(data)
        return pending.commit_now()

    def add_file(self, source: Path, name: str | None = None) -> Path:
        source = Path(source)
        if self.holds(Path(os.path.realpath(source))):
            return source
        pending = self.writer(name or source.name)
        try:
            with source.open("rb") as src:
                while chunk := src.read(CHUNK):
                    pending.write_now(chunk)
        except BaseException:
            pending.discard_now()
            raise
        return pending.commit_now()

    def holds(self, path: Path) -> bool:
        return self.key_of(path) is not None and path.is_file()

    # --- coroutines ----------------------------------------------------------------------
    async def open_writer(self, name: str, limit: int | None = None) -> FileWriter:
        return self.writer(name, limit)

    def _checked(self, key: str) -> Path:
        """The path of a well-formed key (a malformed one names no file)."""
        if split_key(key) is None:
            raise FileNotFoundError(key)
        return self.path_of(key)

    async def open_reader(
        self, key: str, start: int = 0, end: int | None = None
    ) -> AsyncIterator[bytes]:
        source = await anyio.open_file(self._checked(key), "rb")
        try:
            await source.seek(start)
            left = None if end is None else max(end - start, 0)
            while left is None or left > 0:
                chunk = await source.read(CHUNK if left is None else min(CHUNK, left))
                if not chunk:
                    break
                if left is not None:
                    left -= len(chunk)
                yield chunk
        finally:
            await source.aclose()

    async def size(self, key: str) -> int:
        return self._checked(key).stat().st_size

    async def exists(self, key: str) -> bool:
        return split_key(key) is not None and self.path_of(key).is_file()

    async def local_path(self, key: str) -> Path:
        path = self._checked(key)
        if not path.is_file():
            raise FileNotFoundError(key)
        return path

    async def delete(self, key: str) -> None:
        if split_key(key) is None:
            return
        path = self.path_of(key)
        path.unlink(missing_ok=True)
        self.created.discard(path)
        with contextlib.suppress(OSError):
            path.parent.rmdir()

    async def expire(self, max_age: float) -> int:
        return await anyio.to_thread.run_sync(self.expire_now, max_age)

    def expire_now(self, max_age: float) -> int:
        """``expire``, blocking."""
        if not self.root.is_dir():
            return 0
        cutoff = self.clock() - max_age
        removed = 0
        for folder in self.root.iterdir():
            if not folder.is_dir() or folder.is_symlink():
                continue
            try:
                entries = list(folder.iterdir())
            except FileNotFoundError:  # another process sharing the folder swept it first
                continue
            for entry in entries:
                try:
                    if entry.lstat().st_mtime < cutoff:
                        entry.unlink()
                        removed += folder.name != PARTIAL_DIR
                except FileNotFoundError:
                    continue
            with contextlib.suppress(OSError):
                if folder.name != PARTIAL_DIR and not any(folder.iterdir()):
                    folder.rmdir()
        return removed

    async def clear(self) -> None:
        await anyio.to_thread.run_sync(self.clear_now)

    def clear_now(self) -> None:
        """``clear``, blocking."""
        for path in self.created:
            path.unlink(missing_ok=True)
            with contextlib.suppress(OSError):
                path.parent.rmdir()
        self.created.clear()
        shutil.rmtree(self.partial_dir, ignore_errors=True)
