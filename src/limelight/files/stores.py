"""Choosing an app's file store: ``launch(file_store=...)``, else ``LIMELIGHT_FILE_STORE``,
else the local cache folder.

``s3://bucket/prefix`` is an S3-compatible bucket (``files/s3.py``); a folder (or a
``file://`` URL) is a local store there, which several processes may mount at once.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import unquote, urlsplit

from limelight.files.local import LocalFileStore
from limelight.files.store import FileStore

__all__ = [
    "BACKEND_ENV",
    "FILE_STORE_ENV",
    "WORKERS_ENV",
    "open_file_store",
    "serves_with_others",
    "shares_state",
]

FILE_STORE_ENV = "LIMELIGHT_FILE_STORE"
BACKEND_ENV = "LIMELIGHT_BACKEND"
WORKERS_ENV = "LIMELIGHT_WORKERS"
"""Set by ``limelight run --workers N`` in each of its processes."""


def shares_state(backend: str | None) -> bool:
    """Whether a backend URL puts the app's state outside the process (any but the default,
    ``memory``)."""
    return bool(backend) and (backend or "").strip() not in ("memory", "memory://")


def serves_with_others() -> bool:
    """Whether this process is one of several serving the app: a shared backend is set
    (``LIMELIGHT_BACKEND``) or ``limelight run --workers`` started it."""
    workers = os.environ.get(WORKERS_ENV, "")
    shared = shares_state(os.environ.get(BACKEND_ENV))
    return shared or (workers.isdigit() and int(workers) > 1)


def open_file_store(
    spec: str | None, cache_dir: str | Path | None = None, *, shared: bool = False
) -> FileStore:
    """The store ``spec`` names (else ``LIMELIGHT_FILE_STORE``), its local copies under
    ``cache_dir``; a local store in ``cache_dir`` when neither is set. ``shared``: other
    processes serve the app too (also when ``serves_with_others``). Raises ``ValueError``
    for a URL of another kind."""
    chosen = spec or os.environ.get(FILE_STORE_ENV) or None
    shared = shared or serves_with_others()
    if chosen is None:
        return LocalFileStore(cache_dir, shared=shared)
    scheme = urlsplit(chosen).scheme
    if scheme == "s3":
        from limelight.files.s3 import S3FileStore  # imports boto3: only when asked for

        return S3FileStore.from_url(chosen, root=cache_dir)
    if scheme == "file":
        return LocalFileStore(unquote(urlsplit(chosen).path), shared=shared)
    if len(scheme) > 1:  # one letter: a Windows drive
        raise ValueError(
            f"file_store={chosen!r}: use s3://bucket/prefix, a folder or a file:// URL"
        )
    return LocalFileStore(chosen, shared=shared)
