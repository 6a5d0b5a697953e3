"""File: one or more files of any type in and out."""

from __future__ import annotations

import mimetypes
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

from typing_extensions import Unpack

from limelight.components.base import ComponentOptions, PayloadError
from limelight.components.filebase import FileComponent, FilePayloadError, file_schema, to_file_data
from limelight.core.events import EventListener
from limelight.files.processing import FileContext

__all__ = ["File", "Files", "NamedString", "accepts_type", "check_type"]


class NamedString(str):
    """The path of an uploaded file, passed to functions as a ``str`` that also has the
    path as ``.name``, so code written for file objects (``file.name``) keeps working."""

    name: str

    def __new__(cls, path: str) -> NamedString:
        instance = super().__new__(cls, path)
        instance.name = path
        return instance


FileCount = Literal["single", "multiple", "directory"]
CATEGORIES = ("image", "audio", "video", "text")


def accepts_type(name: str, file_types: list[str] | None) -> bool:
    """Whether a file called ``name`` matches ``file_types`` (extensions such as ``".csv"``
    or the categories ``"image"``, ``"audio"``, ``"video"``, ``"text"``; ``"file"`` or no
    list accepts anything)."""
    if not file_types or "file" in file_types:
        return True
    lowered = name.lower()
    mime = mimetypes.guess_type(lowered)[0] or ""
    for wanted in file_types:
        wanted = wanted.lower()
        if wanted in CATEGORIES and mime.startswith(wanted + "/"):
            return True
        if wanted.startswith(".") and lowered.endswith(wanted):
            return True
    return False


def check_type(name: str, file_types: list[str] | None) -> None:
    """Refuse a file called ``name`` that ``file_types`` does not accept, with an error the
    user sees that lists the accepted formats."""
    if not accepts_type(name, file_types):
        raise FilePayloadError(
            f"Invalid file type: {name}. Please upload a file in one of these formats: {file_types}"
        )


class File(FileComponent):
    """Files. As an input it passes the uploaded file's path (``type="filepath"``) or its
    bytes (``"binary"``), or a list of them with ``file_count="multiple"``; as an output it
    offers a path (or list of paths) for download. ``file_types`` limits what is accepted.
    """

    TYPE = "file"
    upload = EventListener("upload", "The user uploaded files.")
    clear = EventListener("clear", "The user removed the files.")
    delete = EventListener("delete", "The user removed one file of several.")
    download = EventListener("download", "The user downloaded a file.")
    select = EventListener("select", "The user clicked a file; index is its position.")

    def __init__(
        self,
        value: str | Path | list[str | Path] | Callable[..., Any] | None = None,
        *,
        file_count: FileCount = "single",
        file_types: list[str] | None = None,
        type: Literal["filepath", "binary"] = "filepath",
        height: int | str | None = None,
        allow_reordering: bool = False,
        **options: Unpack[ComponentOptions],
    ) -> None:
        if type not in ("filepath", "binary"):
            raise ValueError(f"type must be 'filepath' or 'binary', not {type!r}")
        self.file_count = file_count
        self.file_types = file_types
        self.type = type
        self.height = height
        self.allow_reordering = allow_reordering
        super().__init__(value, **options)

    @property
    def multiple(self) -> bool:
        """Whether the value is a list of files."""
        return self.file_count != "single"

    def _one(self, payload: Any, files: FileContext) -> NamedString | bytes:
        path = files.input_path(payload)
        name = (
            str(payload.get("orig_name") or path.name) if isinstance(payload, dict) else path.name
        )
        check_type(name, self.file_types)
        return path.read_bytes() if self.type == "binary" else NamedString(str(path))

    def preprocess_with(self, payload: Any, files: FileContext) -> Any:
        """A path or bytes (or a list of them); refuses types not in ``file_types``."""
        if payload is None:
            return None
        if self.multiple:
            items = payload if isinstance(payload, list) else [payload]
            return [self._one(item, files) for item in items]
        if isinstance(payload, list):
            raise PayloadError("Expected one file, got a list")
        return self._one(payload, files)

    def postprocess_with(self, value: Any, files: FileContext) -> Any:
        """A path (or list of paths, URLs, FileData) as download payloads."""
        if value is None:
            return None
        if isinstance(value, (list, tuple)):
            return [to_file_data(item, files) for item in value]
        return to_file_data(value, files)

    def api_info(self) -> dict[str, Any]:
        if self.multiple:
            return {"type": "array", "items": file_schema()}
        return file_schema()

    def example_payload(self) -> Any:
        one = super().example_payload()
        return [one] if self.multiple else one

    def component_props(self) -> dict[str, Any]:
        return {
            "file_count": self.file_count,
            "file_types": self.file_types,
            "type": self.type,
            "height": self.height,
            "allow_reordering": self.allow_reordering,
            "_selectable": False,
        }


class Files(File):
    """Gradio's ``File`` for several files at once (``file_count="multiple"``)."""

    def __init__(
        self,
        value: Any = None,
        *,
        file_count: Literal["single", "multiple", "directory"] = "multiple",
        **kwargs: Any,
    ) -> None:
        super().__init__(value, file_count=file_count, **kwargs)
