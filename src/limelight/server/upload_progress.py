"""How far each upload has come, for ``GET API/upload_progress`` (docs/protocol.md §7.1).

The upload route publishes (``start``, ``add`` per received chunk, ``finish``) and the
progress stream reads (``get``) by the ``upload_id`` the client chose, which may reach
another replica than the upload: a shared implementation makes both meet. ``clock`` is
injectable so that expiry is tested without waiting.
"""

from __future__ import annotations

import time
from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

__all__ = ["InMemoryUploadProgress", "UploadProgress", "UploadState"]


class UploadState(NamedTuple):
    """One upload's progress."""

    received: int
    """Bytes of the request body received so far."""
    total: int | None
    """The body's ``Content-Length`` (None when the client did not send one)."""
    done: bool
    """Whether the upload has ended (stored or refused)."""


class UploadProgress(ABC):
    """Bytes received so far for each upload that named an ``upload_id``."""

    @abstractmethod
    async def start(self, upload_id: str, total: int | None) -> None:
        """An upload of ``total`` bytes begins (none received yet)."""

    @abstractmethod
    async def add(self, upload_id: str, count: int) -> None:
        """``count`` more bytes of the upload arrived (ignored for an unknown upload)."""

    @abstractmethod
    async def finish(self, upload_id: str) -> None:
        """The upload ended, whether its files were stored or refused."""

    @abstractmethod
    async def get(self, upload_id: str) -> UploadState | None:
        """The upload's progress, or None if it is unknown (not started, or forgotten)."""

    @abstractmethod
    async def forget(self, upload_id: str) -> None:
        """Drop the upload (its progress has been read to the end)."""

    @abstractmethod
    async def expire(self, max_age: float) -> int:
        """Forget uploads not updated for ``max_age`` seconds; returns how many."""


@dataclass
class _Progress:
    total: int | None
    updated: float
    received: int = 0
    done: bool = False


class InMemoryUploadProgress(UploadProgress):
    """Progress of the uploads this process receives."""

    def __init__(self, *, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self._uploads: dict[str, _Progress] = {}

    async def start(self, upload_id: str, total: int | None) -> None:
        self._uploads[upload_id] = _Progress(total, self.clock())

    async def add(self, upload_id: str, count: int) -> None:
        entry = self._uploads.get(upload_id)
        if entry is not None:
            entry.received += count
            entry.updated = self.clock()

    async def finish(self, upload_id: str) -> None:
        entry = self._uploads.get(upload_id)
        if entry is not None:
            entry.done = True
            entry.updated = self.clock()

    async def get(self, upload_id: str) -> UploadState | None:
        entry = self._uploads.get(upload_id)
        return None if entry is None else UploadState(entry.received, entry.total, entry.done)

    async def forget(self, upload_id: str) -> None:
        self._uploads.pop(upload_id, None)

    async def expire(self, max_age: float) -> int:
        cutoff = self.clock() - max_age
        stale = [key for key, entry in self._uploads.items() if entry.updated < cutoff]
        for key in stale:
            del self._uploads[key]
        return len(stale)
