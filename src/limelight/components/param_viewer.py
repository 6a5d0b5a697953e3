"""ParamViewer: a table of a function's parameters (name, type, description, default)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Literal

from typing_extensions import Unpack

from limelight.components.base import Component, ComponentOptions, PayloadError
from limelight.core.events import EventListener

__all__ = ["ParamViewer"]


class ParamViewer(Component):
    """Documents parameters: the value maps each name to ``{"type", "description",
    "default"}`` (each a string or ``None``). Each row shows the name and type and opens
    to the description and default. ``linkify`` names types to show as links to their
    anchors; ``anchor_links`` gives each row an anchor (a prefix when a string).
    """

    TYPE = "paramviewer"
    NOT_TAKEN = frozenset({"label", "info", "show_label", "interactive"})
    upload = EventListener("upload", "Accepted as in Gradio; the viewer takes no uploads.")

    def __init__(
        self,
        value: Mapping[str, Mapping[str, Any]] | Callable[..., Any] | None = None,
        language: Literal["python", "typescript"] = "python",
        linkify: list[str] | None = None,
        *,
        header: str | None = "Parameters",
        anchor_links: bool | str = False,
        max_height: int | str | None = None,
        **options: Unpack[ComponentOptions],
    ) -> None:
        self.language = language
        self.linkify = linkify
        self.header = header
        self.anchor_links = anchor_links
        self.max_height = max_height
        super().__init__(value, **options)

    def preprocess(self, payload: Any) -> Any:
        """The parameters, as sent."""
        self.check_payload(payload)
        return payload

    def postprocess(self, value: Any) -> Any:
        """The parameters as a plain dict of dicts."""
        if value is None:
            return None
        if not isinstance(value, Mapping):
            raise TypeError(f"ParamViewer expects a dict of parameters, got {type(value).__name__}")
        return {str(name): dict(info) for name, info in value.items()}

    def check_payload(self, payload: Any) -> None:
        """``null`` or an object whose values are objects."""
        if payload is None:
            return
        if not isinstance(payload, Mapping) or not all(
            isinstance(info, Mapping) for info in payload.values()
        ):
            raise PayloadError("Expected {name: {'type', 'description', 'default'}}")

    def api_info(self) -> dict[str, Any]:
        return {"type": {}, "description": "any valid json"}

    def example_payload(self) -> Any:
        return {"array": {"type": "numpy", "description": "any valid json", "default": "None"}}

    def component_props(self) -> dict[str, Any]:
        return {
            "language": self.language,
            "linkify": self.linkify,
            "header": self.header,
            "anchor_links": self.anchor_links,
            "max_height": self.max_height,
        }
