"""HTML: markup shown as is, after its active content is removed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from typing_extensions import Unpack

from ..events import EventListener
from ..sanitize import sanitize_html
from .base import Component, ComponentOptions

__all__ = ["HTML"]


class HTML(Component):
    """Shows an HTML string. Scripts, event handlers and ``javascript:`` links are removed on
    the server and again in the browser; ``sanitize=False`` trusts the markup (only for HTML
    the app itself writes, never for text from users).
    """

    TYPE = "html"
    click = EventListener("click", "The user clicked the HTML.")

    def __init__(
        self,
        value: str | Callable[..., Any] | None = "",
        *,
        sanitize: bool = True,
        min_height: int | None = None,
        max_height: int | None = None,
        padding: bool = True,
        autoscroll: bool = False,
        **options: Unpack[ComponentOptions],
    ) -> None:
        self.sanitize = sanitize
        self.min_height = min_height
        self.max_height = max_height
        self.padding = padding
        self.autoscroll = autoscroll
        options.setdefault("show_label", False)
        options.setdefault("container", False)
        super().__init__(value, **options)

    def preprocess(self, payload: Any) -> str | None:
        """The HTML source."""
        return None if payload is None else str(payload)

    def postprocess(self, value: Any) -> str | None:
        """The markup, sanitised unless ``sanitize=False``."""
        if value is None:
            return None
        return sanitize_html(str(value)) if self.sanitize else str(value)

    def api_info(self) -> dict[str, Any]:
        return {"type": "string"}

    def example_payload(self) -> str:
        return "<p>Hello</p>"

    def component_props(self) -> dict[str, Any]:
        return {
            "sanitize": self.sanitize,
            "min_height": self.min_height,
            "max_height": self.max_height,
            "padding": self.padding,
            "autoscroll": self.autoscroll,
        }
