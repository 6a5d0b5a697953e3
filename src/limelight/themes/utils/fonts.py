"""Fonts for themes: a family name, how it becomes part of a CSS font stack, and how it is
written in a theme file (Gradio's JSON form: ``{"__gradio_font__": true, "name": ...}``)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

__all__ = ["Font", "FontSpec", "GoogleFont", "LocalFont", "decode", "encode", "stack"]


class Font:
    """A font family the browser already has (``Font("Arial")``)."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __str__(self) -> str:
        generic = {"serif", "sans-serif", "monospace", "cursive", "fantasy", "system-ui"}
        if self.name in generic or self.name.startswith("ui-"):
            return self.name
        return f"'{self.name}'"

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.name!r})"

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and getattr(other, "name", None) == self.name

    def __hash__(self) -> int:
        return hash((type(self).__name__, self.name))


class GoogleFont(Font):
    """A Google Fonts family. Unlike Gradio, limelight pages fetch nothing from Google (they
    work offline and send no visitor to a third party): the family is used when the visitor has
    it installed, and the next font of the stack otherwise."""

    def __init__(self, name: str, weights: Iterable[int] = (400, 600)) -> None:
        super().__init__(name)
        self.weights = tuple(weights)


class LocalFont(Font):
    """A family Gradio serves from its own files; limelight ships no font files, so, as with
    ``GoogleFont``, the family is used when installed and the next font of the stack otherwise."""

    def __init__(self, name: str, weights: Iterable[int] = (400, 600)) -> None:
        super().__init__(name)
        self.weights = tuple(weights)


FontSpec = Font | str | Iterable[Font | str]
"""A theme's font: one font, a family name, or a stack of them (first choice first)."""


def stack(spec: FontSpec) -> str:
    """The CSS ``font-family`` value of ``spec``."""
    if isinstance(spec, Font | str):
        spec = [spec]
    return ", ".join(str(font) if isinstance(font, Font) else _quoted(font) for font in spec)


def _quoted(name: str) -> str:
    return str(Font(name)) if " " in name and not name.startswith(("'", '"')) else name


def encode(font: Font | str) -> Any:
    """A stack entry as a theme file writes it: a family name as is, a font as a tagged object."""
    if not isinstance(font, Font):
        return font
    if isinstance(font, GoogleFont | LocalFont):
        kind = "google" if isinstance(font, GoogleFont) else "local"
        return {"__gradio_font__": True, "name": font.name, "class": kind, "weights": font.weights}
    return {"__gradio_font__": True, "name": font.name, "class": "font", "weights": None}


def decode(entry: Any) -> Font | str:
    """A stack entry read from a theme file (the inverse of ``encode``)."""
    if isinstance(entry, Font | str):
        return entry
    if not isinstance(entry, dict) or not entry.get("__gradio_font__"):
        raise ValueError(f"Not a font in a theme file: {entry!r}")
    name, kind, weights = str(entry["name"]), entry.get("class"), entry.get("weights")
    if kind == "google":
        return GoogleFont(name, weights) if weights else GoogleFont(name)
    if kind == "local":
        return LocalFont(name, weights) if weights else LocalFont(name)
    return Font(name)
