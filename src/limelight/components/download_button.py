"""DownloadButton: a button that downloads the file it holds."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

from typing_extensions import Unpack

from limelight.components.base import ComponentOptions
from limelight.components.filebase import FileComponent, to_file_data
from limelight.core.events import EventListener
from limelight.files.processing import FileContext

__all__ = ["DownloadButton"]


class DownloadButton(FileComponent):
    """A button that downloads its value, a file path or URL a function returns. As an
    input it passes that file's path."""

    TYPE = "downloadbutton"
    NOT_TAKEN = frozenset({"info", "show_label"})
    click = EventListener("click", "The button was clicked (the download starts too).")

    def __init__(  # type: ignore[misc]  # label comes first, as in Gradio
        self,
        label: str = "Download",
        value: str | Path | Callable[..., Any] | None = None,
        *,
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
        super().__init__(value, **{**options, "label": label})

    def preprocess_with(self, payload: Any, files: FileContext) -> str | None:
        """The path of the file the button holds."""
        return None if payload is None else str(files.input_path(payload))

    def postprocess_with(self, value: Any, files: FileContext) -> Any:
        """The file for download: a path, URL or FileData."""
        return to_file_data(value, files)

    def component_props(self) -> dict[str, Any]:
        return {"variant": self.variant, "size": self.size, "icon": self.icon}
