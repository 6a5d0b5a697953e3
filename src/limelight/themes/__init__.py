"""Themes: ``gr.Blocks(theme=gr.themes.Soft(primary_hue="emerald"))`` recolours a page.

``Base`` and the ready-made themes take hues (``Color`` objects from ``colors`` or their names),
size scales (from ``sizes``) and fonts; ``set()`` overrides single variables by Gradio's names.
"""

from __future__ import annotations

from .base import Base, ThemeClass
from .presets import Citrus, Default, Glass, Monochrome, Ocean, Origin, Soft
from .utils import colors, fonts, sizes
from .utils.colors import Color
from .utils.fonts import Font, GoogleFont, LocalFont
from .utils.sizes import Size

_BY_NAME: dict[str, type[Base]] = {
    cls.name: cls for cls in (Base, Citrus, Default, Glass, Monochrome, Ocean, Origin, Soft)
}


def theme_css(theme: object) -> str:
    """The stylesheet of an app's ``theme=``: a theme object, or a ready-made theme's name
    (``"soft"``). Anything else (a Hub theme such as ``"gradio/seafoam"``, which would need the
    network) gives no stylesheet: the page keeps limelight's own look."""
    if isinstance(theme, str) and theme.lower() in _BY_NAME:
        theme = _BY_NAME[theme.lower()]()
    return theme.css() if isinstance(theme, Base) else ""


__all__ = [
    "Base",
    "Citrus",
    "Color",
    "Default",
    "Font",
    "Glass",
    "GoogleFont",
    "LocalFont",
    "Monochrome",
    "Ocean",
    "Origin",
    "Size",
    "Soft",
    "ThemeClass",
    "colors",
    "fonts",
    "sizes",
    "theme_css",
]
