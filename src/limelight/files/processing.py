"""The processing context: what file components use to read and write files.

A component that takes or gives files never touches the disk on its own: it receives a
``FileContext`` from the code running the event. ``input_path`` turns a ``FileData`` payload
into a local path after checking that the client may name it (docs/security.md #6);
``store_bytes`` and ``store_path`` put what the function returned into the file store and
give back the ``FileData`` payload, its ``url`` built from the URL the client reached the
app at.

Outside a server (unit tests, a component built at import time) ``FileContext.detached()``
gives a context that trusts local paths, since only the app's own code calls it then.
"""

from __future__ import annotations

import functools
import mimetypes
import warnings
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from limelight.files.access import FileAccess, FileNotAllowed
from limelight.files.local import LocalFileStore
from limelight.protocol import FileData

__all__ = ["FILE_ROUTE", "FileContext", "file_url", "is_file_payload"]

FILE_ROUTE = "/gradio_api/file="
FILE_META = {"_type": "gradio.FileData"}


def file_url(root_url: str, path: str | Path) -> str:
    """The URL a client downloads the stored file at ``path`` from."""
    return f"{root_url.rstrip('/')}{FILE_ROUTE}{quote(str(path), safe='/')}"


def is_file_payload(value: object) -> bool:
    """Whether ``value`` is a ``FileData`` payload (a dict with a ``path`` or ``url``)."""
    if not isinstance(value, Mapping):
        return False
    meta = value.get("meta")
    if isinstance(meta, Mapping) and meta.get("_type") == FILE_META["_type"]:
        return True
    return isinstance(value.get("path"), str)


@functools.cache
def _detached_access() -> FileAccess:
    return FileAccess(LocalFileStore(), trust_local=True)


@dataclass(frozen=True)
class FileContext:
    """Access to the file store for one event, as seen from one client."""

    access: FileAccess
    root_url: str = ""
    """The URL the client reached the app at (empty: ``url`` fields stay null)."""
    link_missing_files: bool = False
    """Whether a returned path where no file is is sent as a link (an event's outputs, as
    in Gradio) rather than refused (starting values and samples, which fall back)."""
    since: float | None = None
    """When the event started (``time.time()``): a returned file outside the store and
    ``allowed_paths`` must have been written since (see ``FileAccess.may_hand_out``); None
    for the app's own values at startup."""

    @classmethod
    def detached(cls) -> FileContext:
        """A context for use outside a server: trusts local paths, stores in the default
        cache directory."""
        return cls(_detached_access())

    @classmethod
    def strict(cls) -> FileContext:
        """A context for a caller that gave none: no local path is trusted, only the store."""
        return cls(FileAccess(cls.detached().access.store))

    def input_path(self, payload: Any) -> Path:
        """The local file a ``FileData`` payload names; ``FileNotAllowed`` unless it is in
        the store or an allowed path (and not a blocked one)."""
        if isinstance(payload, FileData):
            raw: Any = payload.path
        elif isinstance(payload, Mapping):
            raw = payload.get("path")
        else:
            raw = payload
        if raw is None:
            raise FileNotAllowed("(no path)")
        return self.access.readable(raw)

    def returnable(self, path: str | Path) -> Path:
        """The resolved path of a file the function returned, which may be read and stored;
        ``FileNotAllowed`` otherwise (docs/security.md #7)."""
        return self.access.returnable(path, self.since)

    def file_data(self, path: Path, orig_name: str | None = None) -> FileData:
        """The payload for a file already in the store."""
        mime, _ = mimetypes.guess_type(path.name)
        return FileData(
            path=str(path),
            url=file_url(self.root_url, path) if self.root_url else None,
            size=path.stat().st_size,
            orig_name=orig_name or path.name,
            mime_type=mime,
            meta=dict(FILE_META),
        )

    def store_bytes(self, data: bytes, name: str) -> FileData:
        """Store ``data`` as a file named ``name``; returns its payload."""
        return self.file_data(self.access.store.add_bytes(data, name), name)

    def store_path(self, path: str | Path, name: str | None = None) -> FileData:
        """Copy a file the function returned into the store; returns its payload.

        Raises ``FileNotAllowed`` for paths an app may not hand out (docs/security.md #7).
        With ``link_missing_files``, a path it may hand out where no file is (yet) is sent as
        it is, with a warning, as Gradio does: the link then loads nothing.
        """
        source = self.access.may_hand_out(path, self.since)
        if self.link_missing_files and not source.exists():
            warnings.warn(f"{path} names no file; it is sent as a link", stacklevel=2)
            return FileData(
                path=str(source),
                url=file_url(self.root_url, source) if self.root_url else None,
                orig_name=name or source.name,
                meta=dict(FILE_META),
            )
        stored = self.access.store.add_file(self.returnable(path), name or Path(path).name)
        return self.file_data(stored, name or Path(path).name)
