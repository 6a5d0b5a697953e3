"""Base: a theme's hues, sizes and fonts, and the stylesheet that applies them to a page.

A theme sets limelight's own CSS variables (``--accent``, ``--font``, ``--radius``, ...) from its
primary hue, fonts and sizes, and publishes every shade and step under Gradio's variable names
(``--primary-500``, ``--radius-lg``) so custom CSS written for Gradio finds them. Variables given
to ``set()`` follow Gradio's names: values may refer to others with ``*name``
(``"*primary_200"``), and a ``_dark`` twin applies in dark mode.
"""

from __future__ import annotations

import re
from typing import Any

from .utils import colors, fonts, sizes
from .utils.colors import Color
from .utils.fonts import Font, FontSpec, GoogleFont
from .utils.sizes import Size

__all__ = ["Base", "ThemeClass"]

_LIGHT_CORE = {
    "accent": "*primary_600",
    "on-accent": "white",
    "link": "*primary_700",
}
_DARK_CORE = {
    "accent": "*primary_400",
    "on-accent": "*primary_950",
    "link": "*primary_300",
}
_SET_TO_CORE = {
    "body_background_fill": "bg",
    "body_text_color": "text",
    "body_text_color_subdued": "muted",
    "background_fill_primary": "surface",
    "block_background_fill": "surface",
    "background_fill_secondary": "surface-2",
    "border_color_primary": "border",
    "block_border_color": "border",
    "input_background_fill": "input-bg",
    "color_accent": "accent",
    "link_text_color": "link",
    "block_radius": "radius",
}
"""Gradio variables that have a limelight counterpart: setting one sets the other."""

_SET_TO_RULE = {
    "body_background_fill": ("body", "background"),
    "button_primary_background_fill": (".btn-primary", "background"),
    "button_primary_text_color": (".btn-primary", "color"),
    "button_secondary_background_fill": (".btn-secondary", "background"),
    "button_secondary_text_color": (".btn-secondary", "color"),
    "block_border_width": ("[data-block]", "border-width"),
    "block_shadow": ("[data-block]", "box-shadow"),
}
"""Gradio variables whose value may not be a plain colour (gradients, widths, shadows): applied
by a rule of their own rather than through a limelight variable used inside other values."""

_REFERENCE = re.compile(r"\*([a-z][a-z0-9_]*)")
_DEFAULT_FONT: tuple[Font | str, ...] = (
    GoogleFont("Inter"),
    "ui-sans-serif",
    "system-ui",
    "sans-serif",
)
_DEFAULT_MONO: tuple[Font | str, ...] = (
    GoogleFont("IBM Plex Mono"),
    "ui-monospace",
    "Consolas",
    "monospace",
)


class Base:
    """A theme: pass it to ``gr.Blocks(theme=...)``. Hues are ``Color`` objects or names
    (``"emerald"``), sizes ``Size`` objects or names (``"sm"``), fonts a font, a family name or a
    stack of them. ``set(**variables)`` overrides single variables and returns the theme."""

    name = "base"

    def __init__(
        self,
        *,
        primary_hue: Color | str = colors.blue,
        secondary_hue: Color | str = colors.blue,
        neutral_hue: Color | str = colors.gray,
        text_size: Size | str = sizes.text_md,
        spacing_size: Size | str = sizes.spacing_md,
        radius_size: Size | str = sizes.radius_md,
        font: FontSpec = _DEFAULT_FONT,
        font_mono: FontSpec = _DEFAULT_MONO,
    ) -> None:
        self.primary_hue = colors.named(primary_hue)
        self.secondary_hue = colors.named(secondary_hue)
        self.neutral_hue = colors.named(neutral_hue)
        self.text_size = sizes.named(text_size, "text")
        self.spacing_size = sizes.named(spacing_size, "spacing")
        self.radius_size = sizes.named(radius_size, "radius")
        self.font = font
        self.font_mono = font_mono
        self.variables: dict[str, str] = {}
        """The variables given to ``set()``, by Gradio's name (``button_primary_text_color``)."""

    def set(self, **variables: Any) -> Base:
        """Override theme variables by Gradio's names; returns the theme, for chaining."""
        self.variables.update({name: str(value) for name, value in variables.items()})
        return self

    def __getattr__(self, name: str) -> str:
        """Shades and steps by Gradio's names (``theme.primary_500``, ``theme.radius_lg``) and
        variables given to ``set()``."""
        variables = self.__dict__.get("variables", {})
        if name in variables:
            return str(variables[name])
        found = self._palette().get(name)
        if found is None:
            raise AttributeError(f"{type(self).__name__!r} theme has no variable {name!r}")
        return found

    def to_dict(self) -> dict[str, Any]:
        """The theme as JSON-ready data: its name, palette, fonts and ``set()`` variables."""
        return {
            "name": self.name,
            "palette": self._palette(),
            "font": fonts.stack(self.font),
            "font_mono": fonts.stack(self.font_mono),
            "variables": dict(self.variables),
        }

    def css(self) -> str:
        """The stylesheet that applies the theme to a limelight page."""
        light = {f"--{key}": value for key, value in self._palette().items()}
        light |= {
            "--font": fonts.stack(self.font),
            "--mono": fonts.stack(self.font_mono),
            "--radius": self.radius_size.lg,
            "--gap": self.spacing_size.xxl,
        }
        light |= {f"--{key}": value for key, value in _LIGHT_CORE.items()}
        dark = {f"--{key}": value for key, value in _DARK_CORE.items()}
        rules: dict[str, dict[str, str]] = {}
        for name, value in self.variables.items():
            is_dark = name.endswith("_dark")
            base = name.removesuffix("_dark")
            target = dark if is_dark else light
            target[f"--{base}"] = value
            if base in _SET_TO_CORE:
                target[f"--{_SET_TO_CORE[base]}"] = value
            if base in _SET_TO_RULE:
                selector, prop = _SET_TO_RULE[base]
                rules.setdefault(selector, {})[prop] = f"var(--{_css_name(base)})"
        return "\n".join(
            [
                _block(":root", light),
                _block(":root.dark", dark),
                "@media (prefers-color-scheme: dark) {",
                _block(":root:not(.light)", dark),
                "}",
                *(_block(selector, props) for selector, props in rules.items()),
            ]
        )

    def _palette(self) -> dict[str, str]:
        palette: dict[str, str] = {}
        for role, hue in (
            ("primary", self.primary_hue),
            ("secondary", self.secondary_hue),
            ("neutral", self.neutral_hue),
        ):
            palette |= {f"{role}_{shade}": hue.shade(shade) for shade in colors.SHADES}
        for kind, size in (
            ("text", self.text_size),
            ("spacing", self.spacing_size),
            ("radius", self.radius_size),
        ):
            palette |= {f"{kind}_{step}": size.step(step) for step in sizes.STEPS}
        return palette


ThemeClass = Base
"""Gradio's name for the class every theme derives from."""


def _css_name(name: str) -> str:
    return name.replace("_", "-")


def _value(value: str) -> str:
    return _REFERENCE.sub(lambda match: f"var(--{_css_name(match.group(1))})", value)


def _block(selector: str, props: dict[str, str]) -> str:
    lines = "".join(f"  {_css_name(key)}: {_value(value)};\n" for key, value in props.items())
    return f"{selector} {{\n{lines}}}"
