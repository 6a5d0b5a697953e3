"""Markdown: formatted text, rendered and sanitised in the browser."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

from typing_extensions import Unpack

from limelight.components.base import Component, ComponentOptions
from limelight.core.events import EventListener

__all__ = ["DEFAULT_LATEX_DELIMITERS", "Markdown"]

DEFAULT_LATEX_DELIMITERS: list[dict[str, str | bool]] = [
    {"left": "$$", "right": "$$", "display": True},
    {"left": "$", "right": "$", "display": False},
    {"left": "\\(", "right": "\\)", "display": False},
    {"left": "\\[", "right": "\\]", "display": True},
]
"""Math delimiters understood unless ``latex_delimiters`` says otherwise."""


class Markdown(Component):
    """Shows GitHub-flavoured Markdown, with LaTeX math between ``latex_delimiters`` and
    highlighted code blocks. Passes and takes the Markdown source as ``str``."""

    TYPE = "markdown"
    NOT_TAKEN = frozenset({"info", "interactive"})
    copy = EventListener("copy", "The user copied the text with the copy button.")

    def __init__(
        self,
        value: str | Callable[..., Any] | None = "",
        *,
        rtl: bool = False,
        sanitize_html: bool = True,
        header_links: bool = False,
        line_breaks: bool = False,
        height: int | str | None = None,
        latex_delimiters: list[dict[str, str | bool]] | None = None,
        max_height: int | str | None = None,
        min_height: int | str | None = None,
        padding: bool = False,
        **options: Unpack[ComponentOptions],
    ) -> None:
        self.rtl = rtl
        self.sanitize_html = sanitize_html
        self.header_links = header_links
        self.line_breaks = line_breaks
        self.height = height
        self.latex_delimiters = (
            DEFAULT_LATEX_DELIMITERS if latex_delimiters is None else latex_delimiters
        )
        options.setdefault("show_label", False)
        options.setdefault("container", False)
        options.setdefault("min_width", None)
        self.max_height = max_height
        self.min_height = min_height
        self.padding = padding
        super().__init__(value, **options)

    def preprocess(self, payload: Any) -> str | None:
        """The Markdown source."""
        return None if payload is None else str(payload)

    def postprocess(self, value: Any) -> str | None:
        """Text with the common indentation of a triple-quoted string removed."""
        return None if value is None else inspect.cleandoc(str(value))

    def api_info(self) -> dict[str, Any]:
        return {"type": "string"}

    def example_payload(self) -> str:
        return "# Hello!"

    def component_props(self) -> dict[str, Any]:
        return {
            "max_height": self.max_height,
            "min_height": self.min_height,
            "padding": self.padding,
            "rtl": self.rtl,
            "sanitize_html": self.sanitize_html,
            "header_links": self.header_links,
            "line_breaks": self.line_breaks,
            "height": self.height,
            "latex_delimiters": self.latex_delimiters,
        }
