"""The app's file key: the secret the file store hashes content under (docs/security.md #10).

Every process serving one app must use the same key, or one process could not find the
files another stored. The key comes from ``LIMELIGHT_FILE_KEY`` when it is set (any text;
set it alike on every machine of an app that spans several). Otherwise it is kept in the
cache folder as ``.file-key``: the first process writes a random key there, atomically, and
every later one reads it. A key file that is a symlink, is owned by another user or can be
read by others is refused rather than trusted, since whoever knows the key can guess the
URLs of files whose content they know.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import secrets
import stat
from pathlib import Path

__all__ = ["KEY_BYTES", "KEY_ENV", "KEY_FILE", "UnsafeKeyFile", "configured_key", "file_key"]

KEY_ENV = "LIMELIGHT_FILE_KEY"
KEY_FILE = ".file-key"
KEY_BYTES = 32
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
"""Where the platform has it (not Windows), a key file that is a symlink is refused."""


class UnsafeKeyFile(PermissionError):
    """The key file exists but others could have written or read it."""


def configured_key() -> bytes | None:
    """The key ``LIMELIGHT_FILE_KEY`` sets, or None when it is not set."""
    configured = os.environ.get(KEY_ENV)
    if not configured:
        return None
    # Hashing lets any text serve as the key while the HMAC always gets 32 bytes.
    return hashlib.sha256(configured.encode("utf-8")).digest()


def file_key(root: Path) -> bytes:
    """The key for the file store in ``root``: from ``LIMELIGHT_FILE_KEY``, else from
    ``root/.file-key``, created on first use."""
    configured = configured_key()
    if configured is not None:
        return configured
    path = root / KEY_FILE
    with contextlib.suppress(FileNotFoundError):
        return _read(path)
    root.mkdir(parents=True, exist_ok=True)
    return _create(path)


def _create(path: Path) -> bytes:
    """Write a new key beside ``path`` (``O_EXCL``) and link it into place; when another
    process linked its key first, read that one. Linking never replaces a file, so all agree
    on one key and none reads a half-written one."""
    aside = path.with_name(f"{KEY_FILE}.{secrets.token_hex(8)}")
    descriptor = os.open(aside, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, 0o600)
    try:
        with os.fdopen(descriptor, "wb") as out:
            out.write(secrets.token_bytes(KEY_BYTES))
        with contextlib.suppress(FileExistsError):
            os.link(aside, path)
    finally:
        aside.unlink(missing_ok=True)
    return _read(path)


def _read(path: Path) -> bytes:
    try:
        descriptor = os.open(path, os.O_RDONLY | _NOFOLLOW)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise _unsafe(path, "it is a symlink") from exc
        raise
    with os.fdopen(descriptor, "rb") as source:
        info = os.fstat(source.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise _unsafe(path, "it is not a regular file")
        if os.name == "posix" and (info.st_mode & 0o077 or info.st_uid != os.getuid()):
            raise _unsafe(path, "other users may read it or it is theirs")
        key = source.read(KEY_BYTES + 1)
    if len(key) != KEY_BYTES:
        raise _unsafe(path, f"it does not hold {KEY_BYTES} bytes")
    return key


def _unsafe(path: Path, why: str) -> UnsafeKeyFile:
    return UnsafeKeyFile(
        f"Refusing the file key at {path}: {why}. Delete it, give the app a cache folder of "
        f"its own (GRADIO_TEMP_DIR) or set {KEY_ENV}."
    )
