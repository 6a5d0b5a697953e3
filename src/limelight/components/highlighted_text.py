"""HighlightedText: text with spans marked by a category or a score."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from typing_extensions import Unpack

from limelight.components.base import ComponentOptions, FormComponent, PayloadError
from limelight.core.events import EventListener

__all__ = ["HighlightedText"]

Token = tuple[str, "str | float | None"]


class HighlightedText(FormComponent):
    """Shows text with highlighted spans, each with a category (coloured by ``color_map``)
    or a score between -1 and 1 (shaded by sign and size).

    Output values: a list of ``(text, category_or_score)`` pairs, or a dict
    ``{"text": ..., "entities": [{"entity": ..., "start": ..., "end": ...}]}`` (or the token
    dicts it takes as input).
    ``combine_adjacent`` joins neighbouring spans of the same category (unmarked text
    included) with ``adjacent_separator`` and drops empty ones; ``show_whitespaces=False``
    trims each span. As an input it passes, as Gradio 6 does, the list of
    ``{"token", "class_or_confidence"}`` dicts.
    """

    TYPE = "highlightedtext"
    NOT_TAKEN = frozenset({"info"})
    select = EventListener("select", "The user clicked a highlighted span.")

    def __init__(
        self,
        value: list[Token] | dict[str, Any] | Callable[..., Any] | None = None,
        *,
        color_map: dict[str, str] | None = None,
        show_legend: bool = False,
        show_inline_category: bool = True,
        combine_adjacent: bool = False,
        adjacent_separator: str = "",
        show_whitespaces: bool = True,
        rtl: bool = False,
        **options: Unpack[ComponentOptions],
    ) -> None:
        self.color_map = color_map
        self.show_legend = show_legend
        self.show_inline_category = show_inline_category
        self.combine_adjacent = combine_adjacent
        self.adjacent_separator = adjacent_separator
        self.show_whitespaces = show_whitespaces
        self.rtl = rtl
        super().__init__(value, **options)

    def postprocess(self, value: Any) -> list[dict[str, Any]] | None:
        """The spans as ``{"token", "class_or_confidence"}`` objects."""
        if value is None:
            return None
        if isinstance(value, dict):
            pairs = _from_entities(value)
        elif isinstance(value, (list, tuple)):
            pairs = [_pair(item) for item in value]
        else:
            raise PayloadError(
                f"HighlightedText expects a list of (text, label) pairs or a dict, "
                f"got {type(value).__name__}"
            )
        if self.combine_adjacent:
            pairs = _combine(pairs, self.adjacent_separator)
        return [
            {"token": text if self.show_whitespaces else text.strip(), "class_or_confidence": label}
            for text, label in pairs
        ]

    def preprocess(self, payload: Any) -> list[dict[str, Any]] | None:
        """The spans as ``{"token", "class_or_confidence"}`` dicts (what Gradio passes,
        whatever its docstring says)."""
        if payload is None:
            return None
        if not isinstance(payload, list) or not all(
            isinstance(item, dict) and isinstance(item.get("token"), str) for item in payload
        ):
            raise PayloadError("HighlightedText expects a list of {token, class_or_confidence}")
        return [
            {"token": text, "class_or_confidence": label}
            for text, label in (_pair((i["token"], i.get("class_or_confidence"))) for i in payload)
        ]

    def api_info(self) -> dict[str, Any]:
        label = {"anyOf": [{"type": "string"}, {"type": "number"}, {"type": "null"}]}
        return {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {"token": {"type": "string"}, "class_or_confidence": label},
                "required": ["token"],
            },
            "title": "HighlightedTextData",
        }

    def example_payload(self) -> list[dict[str, Any]]:
        return [
            {"token": "The ", "class_or_confidence": None},
            {"token": "quick", "class_or_confidence": "ADJ"},
        ]

    def component_props(self) -> dict[str, Any]:
        return {
            "show_whitespaces": self.show_whitespaces,
            "rtl": self.rtl,
            "color_map": self.color_map,
            "show_legend": self.show_legend,
            "show_inline_category": self.show_inline_category,
            "combine_adjacent": self.combine_adjacent,
            "adjacent_separator": self.adjacent_separator,
        }


def _pair(item: Any) -> Token:
    # A function may hand back the token dicts it was given (its input's form).
    if isinstance(item, dict) and "token" in item:
        item = (item["token"], item.get("class_or_confidence"))
    if not isinstance(item, (list, tuple)) or len(item) != 2 or not isinstance(item[0], str):
        raise PayloadError(f"HighlightedText expects (text, label) pairs, got {item!r}")
    label = item[1]
    if label is not None and (isinstance(label, bool) or not isinstance(label, (str, int, float))):
        raise PayloadError(f"A HighlightedText label must be text, a number or None: {label!r}")
    return item[0], label


def _from_entities(value: dict[str, Any]) -> list[Token]:
    """Spans for the dict form, as Gradio cuts them: the unmarked text before each entity
    and after the last is a span of its own even when empty (``combine_adjacent`` drops
    those)."""
    text = value.get("text")
    if not isinstance(text, str) or "entities" not in value:
        raise PayloadError("HighlightedText's dict form needs 'text' (a string) and 'entities'")
    entities = value["entities"] or []
    if not entities:
        return [(text, None)]
    pairs: list[Token] = []
    position = 0
    for entity in sorted(entities, key=lambda e: int(e["start"])):
        start, end = int(entity["start"]), int(entity["end"])
        if not position <= start <= end <= len(text):
            raise PayloadError(f"Entity span {start}..{end} does not fit the text")
        pairs.append((text[position:start], None))
        pairs.append((text[start:end], entity.get("entity") or entity.get("entity_group")))
        position = end
    pairs.append((text[position:], None))
    return pairs


def _combine(pairs: list[Token], separator: str) -> list[Token]:
    """Neighbouring non-empty spans of one category (or both unmarked) joined by
    ``separator``."""
    combined: list[Token] = []
    for text, label in pairs:
        if not text:
            continue
        if combined and combined[-1][1] == label:
            combined[-1] = (combined[-1][0] + separator + text, label)
        else:
            combined.append((text, label))
    return combined
