"""Themes: ``gr.Blocks(theme=gr.themes.Soft(primary_hue="emerald"))`` restyles a page.

``Base`` and the ready-made themes take hues (``Color`` objects from ``colors`` or their names),
size scales (from ``sizes``) and fonts; ``set()`` changes single variables by Gradio's names;
``dump``/``load`` write and read Gradio's JSON theme files.
"""

from __future__ import annotations

import warnings
from typing import Any, NoReturn

from limelight.themes.base import _READY_MADE, Base, ThemeClass
from limelight.themes.presets import Citrus, Default, Glass, Monochrome, Ocean, Origin, Soft
from limelight.themes.presets_vivid import Cyberpunk, Ember, Mario, Neon
from limelight.themes.utils import colors, fonts, sizes
from limelight.themes.utils.colors import Color
from limelight.themes.utils.fonts import Font, GoogleFont, LocalFont
from limelight.themes.utils.sizes import Size

_READY_MADE["base"] = Base


def resolve(theme: Any) -> Base | None:
    """An app's ``theme=``: a theme object as it is, a ready-made theme's name (``"soft"``) as
    that theme. Gradio downloads any other name from the Hugging Face Hub; limelight never
    does, so, as Gradio does when the download fails, it warns and keeps the default look."""
    if theme is None or isinstance(theme, Base):
        return theme
    if not isinstance(theme, str):
        raise TypeError(f"theme= takes a theme or a theme's name, not {type(theme).__name__}")
    found = _READY_MADE.get(theme.lower())
    if found is not None:
        return found()
    try:
        return Base.from_hub(theme)
    except ValueError as error:
        warnings.warn(str(error), stacklevel=3)
        return None


def theme_css(theme: Base | None) -> str:
    """The stylesheet of an app's resolved theme; none for the default look."""
    return theme.css() if theme is not None else ""


def builder(*args: Any, **kwargs: Any) -> NoReturn:
    """Gradio's theme builder is an interactive Gradio app of its own; limelight has none."""
    raise NotImplementedError(
        "gr.themes.builder() is not available in limelight. Build a theme in code with "
        "gr.themes.Base(...).set(...), or build one with Gradio's builder, save it with "
        "theme.dump('theme.json') and load it with gr.themes.Base.load('theme.json')."
    )


__all__ = [
    "Base",
    "Citrus",
    "Color",
    "Cyberpunk",
    "Default",
    "Ember",
    "Font",
    "Glass",
    "GoogleFont",
    "LocalFont",
    "Mario",
    "Monochrome",
    "Neon",
    "Ocean",
    "Origin",
    "Size",
    "Soft",
    "ThemeClass",
    "builder",
    "colors",
    "fonts",
    "resolve",
    "sizes",
    "theme_css",
]
