"""Label: a class name, or the top classes of a classifier with their confidences."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from typing_extensions import Unpack

from limelight.components.base import Component, ComponentOptions, PayloadError
from limelight.core.events import EventListener

__all__ = ["Label"]


LABEL_TYPES: list[dict[str, Any]] = [
    {"type": "string"},
    {"type": "integer"},
    {"type": "number"},
    {"type": "null"},
]
"""A class label is text or a number (``{0: 0.7, 1: 0.3}`` keeps its int keys), as in Gradio."""


class Label(Component):
    """Shows a label, or ``{class: confidence}`` as the top classes with bars.

    Output values: a ``str``/number (one label) or a ``dict`` of confidences.
    """

    TYPE = "label"
    NOT_TAKEN = frozenset({"info", "interactive"})
    select = EventListener("select", "The user clicked one of the classes.")

    def __init__(
        self,
        value: dict[str, float] | str | float | Callable[..., Any] | None = None,
        *,
        num_top_classes: int | None = None,
        color: str | None = None,
        show_heading: bool = True,
        **options: Unpack[ComponentOptions],
    ) -> None:
        self.num_top_classes = num_top_classes
        self.color = color
        self.show_heading = show_heading
        super().__init__(value, **options)

    def postprocess(self, value: Any) -> dict[str, Any]:
        """``{"label", "confidences"}`` as Gradio sends it: a str or number is the label (as
        text) with no confidences; a dict of confidences is ranked, its keys kept as given; a
        path to a ``.json`` file holds either; nothing is ``{}``."""
        if value is None or value == {}:
            return {}
        if isinstance(value, str) and value.endswith(".json") and Path(value).is_file():
            return self.postprocess(json.loads(Path(value).read_text(encoding="utf-8")))
        if isinstance(value, dict) and "confidences" in value:
            return {"label": value.get("label"), "confidences": value["confidences"]}
        if isinstance(value, (str, int, float)):
            return {"label": str(value), "confidences": None}
        if not isinstance(value, dict):
            kind = type(value).__name__
            raise PayloadError(
                f"Label expects a str, a number or a dict of confidences, got {kind}"
            )
        ranked = sorted(value.items(), key=lambda item: float(item[1]), reverse=True)
        if self.num_top_classes is not None:
            ranked = ranked[: self.num_top_classes]
        return {
            "label": ranked[0][0] if ranked else None,
            "confidences": [{"label": k, "confidence": float(v)} for k, v in ranked],
        }

    def preprocess(self, payload: Any) -> dict[str, float] | str | None:
        """A dict of confidences when the payload has them, else the label text."""
        if payload is None:
            return None
        if not isinstance(payload, dict):
            raise PayloadError("Label expects an object with 'label' and/or 'confidences'")
        confidences = payload.get("confidences")
        if confidences:
            return {str(c["label"]): float(c["confidence"]) for c in confidences}
        label = payload.get("label")
        return None if label is None else str(label)

    def api_info(self) -> dict[str, Any]:
        return {
            "properties": {
                "label": {"anyOf": LABEL_TYPES, "default": None},
                "confidences": {
                    "anyOf": [
                        {
                            "items": {
                                "properties": {
                                    "label": {"anyOf": LABEL_TYPES},
                                    "confidence": {"anyOf": [{"type": "number"}, {"type": "null"}]},
                                },
                                "type": "object",
                            },
                            "type": "array",
                        },
                        {"type": "null"},
                    ],
                    "default": None,
                },
            },
            "title": "LabelData",
            "type": "object",
        }

    def example_payload(self) -> dict[str, Any]:
        return {"label": "Cat", "confidences": [{"label": "Cat", "confidence": 0.9}]}

    def component_props(self) -> dict[str, Any]:
        return {
            "num_top_classes": self.num_top_classes,
            "color": self.color,
            "show_heading": self.show_heading,
        }
