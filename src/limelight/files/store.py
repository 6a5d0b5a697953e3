"""The file store: where uploads and the files an app returns live while it runs.

``FileStore`` is the interface; ``files/local.py`` keeps files on the local disk and a shared
backend (object storage, Redis) implements the same methods. Files are addressed by *keys*,
``<digest>/<name>``: ``digest`` is a keyed hash (HMAC-SHA256 under the app's file key,
``files/signing.py``) of the bytes and ``name`` a safe file name. Identical files are kept
once, and a key cannot be guessed from a file's content by someone who does not already hold
it (docs/security.md #10). Every process of one app shares the key, so each finds the files
the others stored.

Components and user functions work with real local paths, so every store has a local folder
``root`` where the file of key ``k`` is (or, for a remote store, is materialised on demand)
at ``root / k``: that is the ``path`` in a ``FileData`` payload and in ``/gradio_api/file=``
URLs. The methods that may reach a remote store are coroutines (the routes and the cache
sweeper await them); the few that component code calls from its worker threads are plain
blocking methods (``add_bytes``, ``add_file``, ``holds``), which a remote store implements
with a synchronous client.
"""

from __future__ import annotations

import os
import re
import tempfile
from abc import ABC, abstractmethod
from collections.abc import AsyncIterator
from pathlib import Path

__all__ = [
    "FileSize",
    "FileStore",
    "FileTooLarge",
    "FileWriter",
    "default_cache_dir",
    "parse_size",
    "safe_name",
    "split_key",
]

CHUNK = 1024 * 1024
_UNITS = {"": 1, "b": 1, "kb": 1000, "mb": 1000**2, "gb": 1000**3, "tb": 1000**4}
_UNITS.update({"kib": 1024, "mib": 1024**2, "gib": 1024**3, "tib": 1024**4})
_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$")
_UNSAFE = re.compile(r"[\x00-\x1f\x7f/\\:*?\"<>|]")
_DIGEST = re.compile(r"^[0-9a-f]{64}$")
MAX_NAME = 200


class FileSize:
    """Byte counts for ``launch(max_file_size=5 * gr.FileSize.MB)``, in powers of 1024."""

    B = 1
    KB = 1024
    MB = 1024**2
    GB = 1024**3
    TB = 1024**4


def parse_size(size: int | str | None) -> int | None:
    """Bytes in a size such as ``"5mb"``, ``"1.5 GB"``, ``"512kib"`` or ``1024``; None stays
    None (no limit). Raises ``ValueError`` for anything else."""
    if size is None or isinstance(size, int):
        return size
    match = _SIZE.match(size.lower())
    if match is None or match.group(2) not in _UNITS:
        raise ValueError(f"Cannot read {size!r} as a size; use e.g. '5mb', '200kb' or '1gb'")
    return int(float(match.group(1)) * _UNITS[match.group(2)])


def default_cache_dir() -> Path:
    """``GRADIO_TEMP_DIR`` (or ``LIMELIGHT_TEMP_DIR``) if set, else ``<tmp>/limelight``."""
    configured = os.environ.get("LIMELIGHT_TEMP_DIR") or os.environ.get("GRADIO_TEMP_DIR")
    return Path(configured) if configured else Path(tempfile.gettempdir()) / "limelight"


def safe_name(name: str | None, fallback: str = "file") -> str:
    """A file name that stays one path segment: no separators, control characters or
    leading dots, at most ``MAX_NAME`` characters (the extension is kept)."""
    base = _UNSAFE.sub("_", (name or "").replace("\\", "/").rsplit("/", 1)[-1]).strip(" .")
    if not base:
        return fallback
    if len(base) > MAX_NAME:
        stem, dot, ext = base.rpartition(".")
        keep = ext if dot and len(ext) <= 16 else ""
        base = (stem if keep else base)[: MAX_NAME - len(keep) - 1] + (f".{keep}" if keep else "")
    return base


def split_key(key: str) -> tuple[str, str] | None:
    """``(digest, name)`` of a well-formed key ``<digest>/<name>``, else None: a key taken
    from a client never names anything but one file of one digest folder."""
    digest, slash, name = key.partition("/")
    if not slash or not _DIGEST.match(digest) or safe_name(name, "") != name:
        return None
    return digest, name


class FileTooLarge(ValueError):
    """A file passed the store's size limit while it was being written."""


class FileWriter(ABC):
    """A file being written (an upload in progress): ``write`` chunks, then ``commit`` to
    put it in the store or ``discard`` to drop it. Nobody sees it before ``commit``."""

    size: int
    """Bytes written so far."""

    @abstractmethod
    async def write(self, data: bytes) -> None:
        """Append ``data``; past the limit, drops the file and raises ``FileTooLarge``."""

    @abstractmethod
    async def commit(self) -> str:
        """Finish the file and put it in the store; returns its key."""

    @abstractmethod
    async def discard(self) -> None:
        """Drop the file (a no-op once committed or discarded)."""


class FileStore(ABC):
    """Where an app's files live; routes and the processing context use only this interface.

    Keys are ``<digest>/<name>``; ``root`` is the local folder where the file of a key is
    kept or materialised, at ``root / key``.
    """

    root: Path
    shared: bool = False
    """Whether other processes serve from this store too: then one process stopping does
    not delete the files it wrote (``delete_cache`` still expires them by age)."""
    remote: bool = False
    """Whether files live outside ``root`` (the routes then stream them from the store
    instead of serving a local copy)."""

    # --- keys and local paths (no I/O) ---------------------------------------------------
    def path_of(self, key: str) -> Path:
        """Where the local copy of ``key`` is (or would be) kept."""
        return self.root / key

    def key_of(self, path: Path) -> str | None:
        """The key whose local copy is at ``path`` (already resolved), or None for a path
        that is not a stored file's place."""
        try:
            parts = path.relative_to(self.root).parts
        except ValueError:
            return None
        key = "/".join(parts)
        return key if len(parts) == 2 and split_key(key) is not None else None

    # --- blocking methods, for component code in worker threads ---------------------------
    @abstractmethod
    def add_bytes(self, data: bytes, name: str) -> Path:
        """Store ``data`` as a file named ``name``; returns its local path."""

    @abstractmethod
    def add_file(self, source: Path, name: str | None = None) -> Path:
        """Copy the file at ``source`` into the store; returns the copy's local path."""

    @abstractmethod
    def holds(self, path: Path) -> bool:
        """Whether ``path`` (already resolved) is the local copy of a stored file; a remote
        store materialises the copy first, so that the caller may then open ``path``."""

    # --- coroutines, for the routes and housekeeping ---------------------------------------
    @abstractmethod
    async def open_writer(self, name: str, limit: int | None = None) -> FileWriter:
        """A new file named ``name`` to write in chunks, at most ``limit`` bytes."""

    async def put(self, data: bytes, name: str) -> str:
        """Store ``data`` as a file named ``name``; returns its key."""
        writer = await self.open_writer(name)
        await writer.write(data)
        return await writer.commit()

    @abstractmethod
    def open_reader(self, key: str, start: int = 0, end: int | None = None) -> AsyncIterator[bytes]:
        """The bytes ``start`` to ``end`` (exclusive; None: to the end) of the file, in
        chunks. Raises ``FileNotFoundError`` for a key the store does not hold."""

    async def read(self, key: str, start: int = 0, end: int | None = None) -> bytes:
        """The bytes ``start`` to ``end`` of the file at once (small files, tests)."""
        return b"".join([chunk async for chunk in self.open_reader(key, start, end)])

    @abstractmethod
    async def size(self, key: str) -> int:
        """The file's size in bytes; ``FileNotFoundError`` for a key the store does not hold."""

    @abstractmethod
    async def exists(self, key: str) -> bool:
        """Whether the store holds a file of this key."""

    @abstractmethod
    async def local_path(self, key: str) -> Path:
        """A local path of the file (``path_of(key)``), materialised first if the store is
        remote; ``FileNotFoundError`` for a key the store does not hold."""

    @abstractmethod
    async def delete(self, key: str) -> None:
        """Delete the file (a no-op for a key the store does not hold)."""

    @abstractmethod
    async def expire(self, max_age: float) -> int:
        """Delete files stored or last stored again over ``max_age`` seconds ago; returns
        how many went."""

    @abstractmethod
    async def clear(self) -> None:
        """Delete every file this store instance wrote (other apps may share the folder)."""
