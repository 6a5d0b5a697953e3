"""MultimodalTextbox: a message box for text plus attached files, with submit and stop."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

from typing_extensions import Unpack

from limelight.components.base import ComponentOptions, FormComponent, PayloadError
from limelight.components.file import check_type
from limelight.components.filebase import FileComponent, to_file_data
from limelight.components.textbox import InputHTMLAttributes, html_attributes_props
from limelight.core.events import EventListener
from limelight.files.processing import FileContext
from limelight.protocol import MultimodalData

__all__ = ["MultimodalTextbox"]


def _check(payload: Any) -> list[dict[str, Any]]:
    """The files of a payload, after checking its shape (no file is read)."""
    if not isinstance(payload, dict) or not isinstance(payload.get("text", ""), str):
        raise PayloadError('expected {"text": str, "files": [...]}')
    files = payload.get("files") or []
    if not isinstance(files, list) or not all(
        isinstance(f, dict) and isinstance(f.get("path"), str) for f in files
    ):
        raise PayloadError("each file must be an object with a string 'path'")
    return files


class MultimodalTextbox(FileComponent, FormComponent):
    """Text and files in one box: its value is ``{"text": str, "files": [path, ...]}``.

    As an input the function gets that dict with each file as a path; as an output it
    accepts the same dict or a plain string. Enter (or the submit button) fires ``submit``;
    the stop button, shown while an event started by this box runs, fires ``stop``.
    """

    TYPE = "multimodaltextbox"
    submit = EventListener("submit", "The user pressed Enter or the submit button.")
    stop = EventListener("stop", "The user pressed the stop button.")
    select = EventListener("select", "The user selected some text.")

    def __init__(
        self,
        value: str | dict[str, Any] | Callable[..., Any] | None = None,
        *,
        sources: list[Literal["upload", "microphone"]]
        | Literal["upload", "microphone"]
        | None = None,
        file_types: list[str] | None = None,
        file_count: Literal["single", "multiple", "directory"] = "single",
        lines: int = 1,
        max_lines: int = 20,
        placeholder: str | None = None,
        autofocus: bool = False,
        autoscroll: bool = True,
        text_align: Literal["left", "right"] | None = None,
        rtl: bool = False,
        submit_btn: str | bool | None = True,
        stop_btn: str | bool | None = False,
        max_plain_text_length: int = 1000,
        html_attributes: InputHTMLAttributes | dict[str, Any] | None = None,
        **options: Unpack[ComponentOptions],
    ) -> None:
        self.sources = [sources] if isinstance(sources, str) else sources or ["upload"]
        self.file_types = file_types
        self.file_count = file_count
        self.lines = lines
        self.max_lines = max_lines
        self.placeholder = placeholder
        self.autofocus = autofocus
        self.autoscroll = autoscroll
        self.text_align = text_align
        self.rtl = rtl
        self.submit_btn = submit_btn
        self.stop_btn = stop_btn
        self.max_plain_text_length = max_plain_text_length
        self.html_attributes = html_attributes
        super().__init__(value, **options)

    def preprocess_with(self, payload: Any, files: FileContext) -> dict[str, Any] | None:
        """``{"text": str, "files": [path, ...]}``; a bare string is taken as the text. Each
        file must be an upload (or in an allowed path) of a type ``file_types`` accepts."""
        if payload is None:
            return None
        if isinstance(payload, str):
            return {"text": payload, "files": []}
        paths = []
        for file in _check(payload):
            path = files.input_path(file)
            check_type(str(file.get("orig_name") or path.name), self.file_types)
            paths.append(str(path))
        return {"text": payload.get("text", ""), "files": paths}

    def postprocess_with(self, value: Any, files: FileContext) -> dict[str, Any] | None:
        """A string (the text) or ``{"text", "files"}`` with paths or FileData dicts; None
        is an empty box (``{"text": "", "files": []}``, as Gradio sends it)."""
        if value is None:
            return {"text": "", "files": []}
        if isinstance(value, str):
            return {"text": value, "files": []}
        if not isinstance(value, dict):
            raise PayloadError(
                "MultimodalTextbox expects a string or a dict with optional 'text' and "
                f"'files' keys, got {type(value).__name__}"
            )
        stored = [to_file_data(f, files) for f in value.get("files") or []]
        return {"text": str(value.get("text") or ""), "files": [f for f in stored if f]}

    def check_payload(self, payload: Any) -> None:
        """The shape only (files are checked when the event runs)."""
        if payload is not None and not isinstance(payload, str):
            _check(payload)

    def api_info(self) -> dict[str, Any]:
        schema = MultimodalData.model_json_schema()
        return schema

    def example_payload(self) -> dict[str, Any]:
        return {"text": "Describe this image", "files": []}

    def component_props(self) -> dict[str, Any]:
        return {
            "html_attributes": html_attributes_props(self.html_attributes),
            "sources": self.sources,
            "file_types": self.file_types,
            "file_count": self.file_count,
            "lines": self.lines,
            "max_lines": self.max_lines,
            "placeholder": self.placeholder,
            "autofocus": self.autofocus,
            "autoscroll": self.autoscroll,
            "text_align": self.text_align,
            "rtl": self.rtl,
            "submit_btn": self.submit_btn,
            "stop_btn": self.stop_btn,
            "max_plain_text_length": self.max_plain_text_length,
        }
