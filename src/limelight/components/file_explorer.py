"""FileExplorer: pick files from a folder of the server, shown as a tree."""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

from typing_extensions import Unpack

from limelight.components.base import Component, ComponentOptions, PayloadError
from limelight.core.events import EventListener

__all__ = ["FileExplorer"]


class FileExplorer(Component):
    """A tree of the files under ``root_dir`` that match ``glob`` (and not ``ignore_glob``),
    with a checkbox per file. Passes the absolute path of the checked file
    (``file_count="single"``) or the list of them; takes paths (absolute, or relative to
    ``root_dir``) to show as checked.

    The page lists one folder at a time through the ``ls`` server function; nothing outside
    ``root_dir`` can be listed or selected, and no file's content is sent.
    """

    TYPE = "fileexplorer"
    input = EventListener("input", "The user checked or unchecked a file.")
    select = EventListener("select", "The user checked or unchecked a file.")

    def __init__(
        self,
        glob: str = "**/*",
        *,
        value: str | list[str] | Callable[..., Any] | None = None,
        file_count: Literal["single", "multiple"] = "multiple",
        root_dir: str | Path = ".",
        ignore_glob: str | None = None,
        height: int | str | None = None,
        max_height: int | str | None = 500,
        min_height: int | str | None = None,
        **options: Unpack[ComponentOptions],
    ) -> None:
        if file_count not in ("single", "multiple"):
            raise ValueError(f"file_count must be 'single' or 'multiple', not {file_count!r}")
        self.root_dir = _root(root_dir)
        self.glob = glob
        self.ignore_glob = ignore_glob
        self.file_count = file_count
        self.height = height
        self.max_height = max_height
        self.min_height = min_height
        super().__init__(value, **options)

    @property
    def server_fns(self) -> dict[str, Callable[..., Any]]:
        """What the page may call: ``ls``, bound to this (session's view of the) explorer."""
        return {"ls": self.ls}

    def preprocess(self, payload: Any) -> str | list[str] | None:
        """Each checked file, sent as its list of path segments under ``root_dir``, as an
        absolute path: one (or None) for ``file_count="single"``, else a list."""
        if payload is None:
            return None
        if not isinstance(payload, list) or not all(_is_segments(p) for p in payload):
            raise PayloadError("FileExplorer expects a list of paths, each a list of strings")
        paths = [self.path_of(segments) for segments in payload]
        if self.file_count == "multiple":
            return paths
        if len(paths) > 1:
            raise PayloadError(f"Expected one file, but {len(paths)} were selected")
        return paths[0] if paths else None

    def postprocess(self, value: str | list[str] | None) -> list[list[str]] | None:
        """A path or list of paths, absolute or relative to ``root_dir``, as segment lists."""
        if value is None:
            return None
        paths = [value] if isinstance(value, (str, Path)) else list(value)
        return [self._segments(str(path)) for path in paths]

    def _segments(self, path: str) -> list[str]:
        prefix = self.root_dir + os.sep
        relative = path[len(prefix) :] if path.startswith(prefix) else path
        return relative.split(os.sep)

    def path_of(self, segments: list[str]) -> str:
        """The absolute path of ``segments`` under ``root_dir``; ``PayloadError`` for a path
        that would leave it (``..``, an absolute segment, a link pointing out)."""
        if not segments:
            return self.root_dir
        if any(s in ("", ".", "..") or "/" in s or "\\" in s for s in segments):
            raise PayloadError(f"Not a path under the explorer's folder: {segments!r}")
        path = os.path.join(self.root_dir, *segments)
        if not Path(path).resolve().is_relative_to(Path(self.root_dir).resolve()):
            raise PayloadError(f"Not a path under the explorer's folder: {segments!r}")
        return path

    def ls(self, subdirectory: list[str] | None = None) -> list[dict[str, Any]]:
        """The entries of one folder under ``root_dir`` (``subdirectory`` as segments):
        folders first, then the files matching ``glob``, each by name, sorted; ``valid`` says
        whether the entry matches ``glob``. What ``ignore_glob`` matches is left out."""
        if subdirectory is not None and not _is_segments(subdirectory):
            raise PayloadError("ls expects a folder as a list of strings")
        folder = self.path_of(subdirectory or [])
        try:
            names = sorted(os.listdir(folder))
        except OSError:  # gone, not a folder, or not readable: nothing to show
            return []
        folders: list[dict[str, Any]] = []
        files: list[dict[str, Any]] = []
        for name in names:
            full = os.path.join(folder, name)
            is_folder = os.path.isdir(full)
            matches = fnmatch.fnmatch(full, self.glob)
            if (not is_folder and not matches) or self._ignored(full):
                continue
            entry = {"name": name, "type": "folder" if is_folder else "file", "valid": matches}
            (folders if is_folder else files).append(entry)
        return folders + files

    def _ignored(self, path: str) -> bool:
        return self.ignore_glob is not None and fnmatch.fnmatch(path, self.ignore_glob)

    def normalize_prop(self, name: str, value: Any) -> Any:
        if name == "root_dir":
            return _root(value)
        return super().normalize_prop(name, value)

    def api_info(self) -> dict[str, Any]:
        return {
            "items": {"items": {"type": "string"}, "type": "array"},
            "title": "FileExplorerData",
            "type": "array",
        }

    def example_payload(self) -> list[list[str]]:
        return [["gradio", "app.py"]]

    def component_props(self) -> dict[str, Any]:
        return {
            "glob": self.glob,
            "ignore_glob": self.ignore_glob,
            "file_count": self.file_count,
            "root_dir": self.root_dir,
            "height": self.height,
            "max_height": self.max_height,
            "min_height": self.min_height,
            "server_fns": ["ls"],
        }


def _root(root_dir: str | Path) -> str:
    absolute = os.path.abspath(root_dir)
    if not os.path.isdir(absolute):
        raise ValueError(f"root_dir is not a folder: {root_dir}")
    return absolute


def _is_segments(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(s, str) for s in value)
