"""The file store: where uploads and the files an app returns live while it runs.

Files are content-addressed: each is kept at ``<root>/<digest>/<name>``, where ``digest`` is
a keyed hash (HMAC-SHA256 under a per-store random key) of its bytes. Identical files are
stored once, and a file's URL cannot be guessed from its content by someone who does not
already hold the file's path (docs/security.md #10). ``FileStore`` is the interface;
``LocalFileStore`` keeps files on the local disk. Nothing is created until the first file is
written.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import re
import secrets
import shutil
import tempfile
import time
import uuid
from abc import ABC, abstractmethod
from collections.abc import Callable
from pathlib import Path

__all__ = [
    "FileSize",
    "FileStore",
    "FileTooLarge",
    "LocalFileStore",
    "PendingFile",
    "default_cache_dir",
    "parse_size",
    "safe_name",
]

CHUNK = 1024 * 1024
PARTIAL_DIR = ".partial"
_UNITS = {"": 1, "b": 1, "kb": 1000, "mb": 1000**2, "gb": 1000**3, "tb": 1000**4}
_UNITS.update({"kib": 1024, "mib": 1024**2, "gib": 1024**3, "tib": 1024**4})
_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$")
_UNSAFE = re.compile(r"[\x00-\x1f\x7f/\\:*?\"<>|]")
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


class FileTooLarge(ValueError):
    """A file passed the store's size limit while it was being written."""


class PendingFile:
    """A file being written (an upload in progress): ``write`` chunks, then ``commit`` to
    move it into the store or ``discard`` to delete it."""

    def __init__(self, store: LocalFileStore, name: str, limit: int | None) -> None:
        self.store = store
        self.name = safe_name(name)
        self.limit = limit
        self.size = 0
        self._hash = hmac.new(store.key, digestmod=hashlib.sha256)
        store.partial_dir.mkdir(parents=True, exist_ok=True)
        self.temp = store.partial_dir / uuid.uuid4().hex
        self._file = self.temp.open("xb")

    def write(self, data: bytes) -> None:
        """Append ``data``; raises ``FileTooLarge`` (and deletes the file) past the limit."""
        self.size += len(data)
        if self.limit is not None and self.size > self.limit:
            self.discard()
            raise FileTooLarge(f"File larger than the {self.limit}-byte limit")
        self._hash.update(data)
        self._file.write(data)

    def commit(self) -> Path:
        """Finish the file and move it to its place in the store; returns its path."""
        self._file.close()
        return self.store.place(self.temp, self._hash.hexdigest(), self.name)

    def discard(self) -> None:
        """Delete the partial file."""
        self._file.close()
        self.temp.unlink(missing_ok=True)


class FileStore(ABC):
    """Where files live; routes and the processing context use only this interface."""

    root: Path

    @abstractmethod
    def open(self, name: str, limit: int | None = None) -> PendingFile:
        """A new file named ``name`` to write in chunks (uploads)."""

    @abstractmethod
    def add_bytes(self, data: bytes, name: str) -> Path:
        """Store ``data`` as a file named ``name``; returns its path."""

    @abstractmethod
    def add_file(self, source: Path, name: str | None = None) -> Path:
        """Copy the file at ``source`` into the store; returns the copy's path."""

    @abstractmethod
    def holds(self, path: Path) -> bool:
        """Whether ``path`` (already resolved) is a file kept by this store."""

    @abstractmethod
    def expire(self, max_age: float) -> int:
        """Delete files older than ``max_age`` seconds; returns how many went."""

    @abstractmethod
    def clear(self) -> None:
        """Delete every file this store wrote (other apps may share the directory)."""


class LocalFileStore(FileStore):
    """Files on the local disk under ``root`` (default: ``default_cache_dir()``).

    ``clock`` gives the current time in ``time.time()`` seconds; tests pass their own.
    """

    def __init__(
        self, root: Path | str | None = None, *, clock: Callable[[], float] = time.time
    ) -> None:
        self.root = Path(os.path.realpath(root or default_cache_dir()))
        self.partial_dir = self.root / PARTIAL_DIR
        self.key = secrets.token_bytes(32)
        self.clock = clock
        self.created: set[Path] = set()
        """Files this store instance wrote (``clear`` deletes only these)."""

    def place(self, temp: Path, digest: str, name: str) -> Path:
        """Move a finished file to ``<root>/<digest>/<name>`` (keeping an identical copy)."""
        folder = self.root / digest
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / name
        if target.exists():
            temp.unlink(missing_ok=True)
            os.utime(target)
        else:
            os.replace(temp, target)
        self.created.add(target)
        return target

    def open(self, name: str, limit: int | None = None) -> PendingFile:
        return PendingFile(self, name, limit)

    def add_bytes(self, data: bytes, name: str) -> Path:
        pending = self.open(name)
        pending.write(data)
        return pending.commit()

    def add_file(self, source: Path, name: str | None = None) -> Path:
        source = Path(source)
        if self.holds(Path(os.path.realpath(source))):
            return source
        pending = self.open(name or source.name)
        try:
            with source.open("rb") as src:
                while chunk := src.read(CHUNK):
                    pending.write(chunk)
        except BaseException:
            pending.discard()
            raise
        return pending.commit()

    def holds(self, path: Path) -> bool:
        try:
            relative = path.relative_to(self.root)
        except ValueError:
            return False
        parts = relative.parts
        return len(parts) == 2 and parts[0] != PARTIAL_DIR and path.is_file()

    def expire(self, max_age: float) -> int:
        if not self.root.is_dir():
            return 0
        cutoff = self.clock() - max_age
        removed = 0
        for folder in self.root.iterdir():
            if not folder.is_dir() or folder.is_symlink():
                continue
            for entry in folder.iterdir():
                try:
                    if entry.lstat().st_mtime < cutoff:
                        entry.unlink()
                        removed += folder.name != PARTIAL_DIR
                except FileNotFoundError:
                    continue
            if folder.name != PARTIAL_DIR and not any(folder.iterdir()):
                folder.rmdir()
        return removed

    def clear(self) -> None:
        for path in self.created:
            path.unlink(missing_ok=True)
            with contextlib.suppress(OSError):
                path.parent.rmdir()
        self.created.clear()
        shutil.rmtree(self.partial_dir, ignore_errors=True)
