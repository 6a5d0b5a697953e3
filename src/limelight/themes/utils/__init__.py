"""The building blocks of themes: colour palettes, size scales and fonts."""

from __future__ import annotations

from . import colors, fonts, sizes

__all__ = ["colors", "fonts", "sizes"]
