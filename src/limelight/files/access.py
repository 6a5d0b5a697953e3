"""Which local files clients may reach, by URL or by naming them in a payload.

Every check works on the *resolved* path (symlinks followed, ``..`` removed), and
containment is decided on whole path segments, so ``/tmp/cache_evil`` is not inside
``/tmp/cache`` (docs/security.md #1-5). ``blocked_paths`` always win. Remote URLs are never fetched.

What a function may return (docs/security.md #7) is narrower than "anything in the working
or temp directory", since a function may return a path its user typed: besides the store
and ``allowed_paths``, a file the event itself wrote (created or changed since it started)
in either folder, and a media file (image, audio, video, 3D model) in the working folder,
where apps keep the samples they hand out. ``strict`` leaves the store and
``allowed_paths`` alone.
"""

from __future__ import annotations

import mimetypes
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from limelight.files.store import FileStore

__all__ = ["FileAccess", "FileNotAllowed", "is_inside", "set_static_paths"]

MEDIA_TYPES = ("image/", "audio/", "video/")
MODEL_SUFFIXES = frozenset({".glb", ".gltf", ".obj", ".stl", ".ply", ".splat"})
FRESH_SLACK = 1.0
"""Seconds before an event's start a file's times may show and still count as written by
it: some file systems keep times to the second or coarser."""

_STATIC_PATHS: list[Path] = []
"""Files and folders every app of this process may serve (``set_static_paths``)."""


def set_static_paths(paths: str | Path | Iterable[str | Path]) -> None:
    """Let clients read the files in ``paths`` (files or folders), like ``allowed_paths`` of
    ``launch`` but for every app of this process; call it before creating the app. Blocked
    paths still win."""
    items = [paths] if isinstance(paths, (str, Path)) else list(paths)
    for item in map(_resolve, items):
        if item not in _STATIC_PATHS:  # a path given again (each call of gr.get_image) adds nothing
            _STATIC_PATHS.append(item)


class FileNotAllowed(PermissionError):
    """A path that may not be read or served; the message names only the path given."""

    def __init__(self, raw: object) -> None:
        super().__init__(f"File not allowed: {raw}.")


def _resolve(path: str | Path) -> Path:
    return Path(os.path.realpath(os.path.abspath(path)))


def is_inside(path: Path, folder: Path) -> bool:
    """Whether ``path`` is ``folder`` or lies below it (both already resolved)."""
    return path == folder or folder in path.parents


def _folded(path: Path) -> Path:
    """Case-folded, so a blocklist holds on case-insensitive file systems too."""
    return Path(os.path.normcase(str(path)).casefold())


def _is_media(path: Path) -> bool:
    mime = mimetypes.guess_type(path.name)[0] or ""
    return mime.startswith(MEDIA_TYPES) or path.suffix.lower() in MODEL_SUFFIXES


def _written_since(path: Path, since: float) -> bool:
    """Whether ``path`` was created or changed at ``since`` or later. The inode's change
    time counts too: a copy that kept its source's modification time (``shutil.copy2``)
    was still created now, and no program can set that time back."""
    try:
        info = path.stat()
    except OSError:
        return False
    return max(info.st_mtime, info.st_ctime) >= since - FRESH_SLACK


def _looks_remote(raw: str) -> bool:
    lowered = raw.strip().lower()
    return "://" in lowered or lowered.startswith(("//", "\\\\"))


class FileAccess:
    """The policy for one app: files in ``store`` or under ``allowed_paths`` are readable,
    except under ``blocked_paths``. ``trust_local`` (used outside a server, where the caller
    is the app's own code) lets any existing local file through; ``strict`` lets functions
    return only files in the store or ``allowed_paths``."""

    def __init__(
        self,
        store: FileStore,
        allowed_paths: Iterable[str | Path] = (),
        blocked_paths: Iterable[str | Path] = (),
        *,
        trust_local: bool = False,
        strict: bool = False,
    ) -> None:
        self.store = store
        self.allowed = [_resolve(p) for p in allowed_paths]
        self.blocked = [_resolve(p) for p in blocked_paths]
        self._blocked_raw = [_folded(Path(os.path.abspath(p))) for p in blocked_paths]
        self._blocked_folded = [_folded(p) for p in self.blocked]
        self.trust_local = trust_local
        self.strict = strict

    def _candidate(self, raw: object) -> Path:
        if not isinstance(raw, (str, Path)) or not str(raw).strip():
            raise FileNotAllowed(raw)
        text = str(raw)
        if "\x00" in text or "\\" in text or _looks_remote(text):
            raise FileNotAllowed(raw)
        return _resolve(text)

    def is_blocked(self, raw: str | Path, resolved: Path) -> bool:
        """Whether ``raw`` (as given) or ``resolved`` lies under a blocked path."""
        given = _folded(Path(os.path.normpath(os.path.abspath(raw))))
        folded = _folded(resolved)
        return any(is_inside(folded, b) for b in self._blocked_folded) or any(
            is_inside(given, b) for b in self._blocked_raw
        )

    def _in_allowed(self, path: Path) -> bool:
        return self.store.holds(path) or any(
            is_inside(path, a) for a in (*self.allowed, *_STATIC_PATHS)
        )

    def readable(self, raw: object) -> Path:
        """The resolved path of a file a client may read (served by URL or named in an
        input payload); raises ``FileNotAllowed`` otherwise, whether or not it exists."""
        path = self._candidate(raw)
        assert isinstance(raw, (str, Path))
        if self.is_blocked(raw, path):
            raise FileNotAllowed(raw)
        if not (self.trust_local or self._in_allowed(path)) or not path.is_file():
            raise FileNotAllowed(raw)
        return path

    def stored_key(self, raw: object) -> str | None:
        """The store's key of the file a URL names, or None when it names no stored file
        (or a blocked path); raises ``FileNotAllowed`` for a malformed path."""
        path = self._candidate(raw)
        assert isinstance(raw, (str, Path))
        key = self.store.key_of(path)
        return None if key is None or self.is_blocked(raw, path) else key

    async def served(self, raw: object) -> Path:
        """``readable`` for a file asked for by URL: a stored file's local copy comes from
        the store's ``local_path``, which a remote store materialises without blocking the
        event loop. Raises ``FileNotAllowed`` as ``readable`` does."""
        path = self._candidate(raw)
        assert isinstance(raw, (str, Path))
        key = self.store.key_of(path)
        if key is None or self.is_blocked(raw, path):
            return self.readable(raw)
        try:
            return await self.store.local_path(key)
        except FileNotFoundError:
            raise FileNotAllowed(raw) from None

    def returnable(self, raw: object, since: float | None = None) -> Path:
        """The resolved path of a file the app returned, which may be copied into the
        store: ``may_hand_out`` and an existing file. Raises ``FileNotAllowed`` otherwise."""
        path = self.may_hand_out(raw, since)
        if not path.is_file():
            raise FileNotAllowed(raw)
        return path

    def may_hand_out(self, raw: object, since: float | None = None) -> Path:
        """The resolved path of a location the app may return a file from, whether or not
        a file is there: readable ones, plus (unless ``strict``) the working or system temp
        directory outside hidden folders. ``since`` is when the returning event started
        (None: the app's own code at startup, trusted with both folders): a file there
        must then have been written since, or be a media file in the working folder.
        Raises ``FileNotAllowed`` otherwise."""
        path = self._candidate(raw)
        assert isinstance(raw, (str, Path))
        if self.is_blocked(raw, path):
            raise FileNotAllowed(raw)
        if self.trust_local or self._in_allowed(path):
            return path
        if self.strict:
            raise FileNotAllowed(raw)
        cwd = _resolve(os.getcwd())
        for folder in (cwd, _resolve(tempfile.gettempdir())):
            if folder == Path(folder.anchor) or not is_inside(path, folder):
                continue
            if any(p.startswith(".") for p in path.relative_to(folder).parts):
                continue
            if since is None or not path.exists() or _written_since(path, since):
                return path
            if folder == cwd and _is_media(path):
                return path
        raise FileNotAllowed(raw)
