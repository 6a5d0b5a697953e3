"""The building blocks of themes: colour palettes, size scales and fonts."""

from __future__ import annotations

from limelight.themes.utils import colors, fonts, sizes

__all__ = ["colors", "fonts", "sizes"]
