"""UploadButton: a button that opens the file picker; its value is the uploaded file(s)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

from typing_extensions import Unpack

from limelight.components.base import ComponentOptions
from limelight.components.file import File, FileCount
from limelight.core.events import EventListener

__all__ = ["UploadButton"]


class UploadButton(File):
    """A button that uploads files. As an input it passes what ``File`` passes (a path,
    bytes, or a list); it fires ``upload`` once the files are on the server."""

    TYPE = "uploadbutton"
    NOT_TAKEN = frozenset({"info", "show_label"})
    click = EventListener("click", "The button was clicked (before the picker opens).")

    def __init__(  # type: ignore[misc]  # label comes first, as in Gradio
        self,
        label: str = "Upload a File",
        value: str | Path | list[str | Path] | Callable[..., Any] | None = None,
        *,
        file_count: FileCount = "single",
        file_types: list[str] | None = None,
        type: Literal["filepath", "binary"] = "filepath",
        variant: Literal["primary", "secondary", "stop"] = "secondary",
        size: Literal["sm", "md", "lg"] = "lg",
        icon: str | None = None,
        **options: Unpack[ComponentOptions],
    ) -> None:
        self.variant = variant
        self.size = size
        self.icon = icon
        options.setdefault("interactive", True)
        options.setdefault("min_width", None)
        super().__init__(value, file_count=file_count, file_types=file_types, type=type, **options)
        self.label = label

    def component_props(self) -> dict[str, Any]:
        return {
            **super().component_props(),
            "variant": self.variant,
            "size": self.size,
            "icon": self.icon,
        }
