"""Fonts for themes: a family name, and how it becomes part of a CSS font stack."""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["Font", "FontSpec", "GoogleFont", "LocalFont", "stack"]


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
    """A Google Fonts family. limelight pages load no web fonts (they work offline), so the
    family is used when the visitor has it installed and the next font of the stack otherwise."""

    def __init__(self, name: str, weights: Iterable[int] = (400, 600)) -> None:
        super().__init__(name)
        self.weights = tuple(weights)


class LocalFont(Font):
    """A family served by the app itself; as with ``GoogleFont``, no font file is fetched."""

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
