"""Base: a theme's hues, sizes, fonts and variables, and the stylesheet that applies them.

A theme holds every variable Gradio documents (``variables.py``) under Gradio's names. Its
stylesheet declares them as CSS variables (``button_primary_background_fill`` becomes
``--button-primary-background-fill``), each ``*name`` in a value becoming ``var(--name)``, and
the ``_dark`` twins in dark mode. limelight's stylesheet reads these variables, so a theme
restyles what each one names. Themes are written to and read from Gradio's JSON theme files.
"""

from __future__ import annotations

import difflib
import json
import re
import warnings
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from typing_extensions import Self

from limelight._version import GRADIO_VERSION
from limelight.themes import variables
from limelight.themes.utils import colors, fonts, sizes
from limelight.themes.utils.colors import Color
from limelight.themes.utils.fonts import Font, FontSpec, LocalFont
from limelight.themes.utils.sizes import Size

__all__ = ["Base", "ThemeClass"]

_REFERENCE = re.compile(r"\*(\w+)")
_PALETTE_NAMES = frozenset(
    [f"{role}_{shade}" for role in ("primary", "secondary", "neutral") for shade in colors.SHADES]
    + [f"{kind}_{step}" for kind in ("spacing", "radius", "text") for step in sizes.STEPS]
)
_STORED = _PALETTE_NAMES | variables.NAMES | {"font", "font_mono"}
"""The attributes a theme keeps in its table of values (and writes to a theme file)."""
_SANS: tuple[Font | str, ...] = (
    LocalFont("IBM Plex Sans"),
    "ui-sans-serif",
    "system-ui",
    "sans-serif",
)
_MONO: tuple[Font | str, ...] = (
    LocalFont("IBM Plex Mono"),
    "ui-monospace",
    "Consolas",
    "monospace",
)
_READY_MADE: dict[str, type[Base]] = {}
"""limelight's ready-made themes by name (``"soft"``), filled as their classes are defined."""


class Base:
    """A theme: pass it to ``gr.Blocks(theme=...)`` or ``launch(theme=...)``.

    Hues are ``Color`` objects or names (``"emerald"``), sizes ``Size`` objects or names
    (``"sm"``), fonts a font, a family name or a stack of them. Every variable is an attribute
    (``theme.button_primary_background_fill``); ``set(**variables)`` changes them.
    """

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if cls.__module__.startswith(__package__ or __name__):
            _READY_MADE[cls.__name__.lower()] = cls

    def __init__(
        self,
        *,
        primary_hue: Color | str = colors.blue,
        secondary_hue: Color | str = colors.blue,
        neutral_hue: Color | str = colors.zinc,
        text_size: Size | str = sizes.text_md,
        spacing_size: Size | str = sizes.spacing_md,
        radius_size: Size | str = sizes.radius_md,
        font: FontSpec = _SANS,
        font_mono: FontSpec = _MONO,
    ) -> None:
        self._values: dict[str, str | None] = {}
        self.name = "base"
        self.custom_css = ""
        self._stylesheets: list[str] = []
        self._font_css: list[str] = []
        hues = {"primary": primary_hue, "secondary": secondary_hue, "neutral": neutral_hue}
        for role, hue in hues.items():
            color = colors.named(hue)
            self._values |= {f"{role}_{shade}": color.shade(shade) for shade in colors.SHADES}
        scales = {"text": text_size, "spacing": spacing_size, "radius": radius_size}
        for kind, size in scales.items():
            scale = sizes.named(size, kind)
            self._values |= {f"{kind}_{step}": scale.step(step) for step in sizes.STEPS}
        self._font = _font_list(font)
        self._font_mono = _font_list(font_mono)
        self._values["font"] = fonts.stack(self._font)
        self._values["font_mono"] = fonts.stack(self._font_mono)
        self._values |= variables.BASE
        self._values |= {f"{name}_dark": value for name, value in variables.DARK.items()}

    def __getattr__(self, name: str) -> Any:
        """Variables, shades and steps by Gradio's names (``theme.primary_500``)."""
        values = self.__dict__.get("_values", {})
        if name in values:
            return values[name]
        raise AttributeError(f"{type(self).__name__!r} theme has no variable {name!r}")

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _STORED:
            self._values[name] = None if value is None else str(value)
        else:
            super().__setattr__(name, value)

    def set(self, **variables: Any) -> Self:
        """Change variables by Gradio's names (``button_primary_background_fill="*primary_300"``,
        ``..._dark`` for dark mode); ``None`` leaves one as it is. Returns the theme."""
        for name, value in variables.items():
            _check_variable(type(self).__name__, name, value)
            if value is not None:
                self._values[name] = str(value)
        return self

    def css(self) -> str:
        """The stylesheet that applies the theme to a limelight page (and its ``custom_css``)."""
        light = {
            name: value
            for name, value in self._values.items()
            if value is not None and not name.endswith("_dark")
        }
        # limelight's own look keeps native checkboxes; a theme draws them from its variables.
        light["checkbox_appearance"] = "none"
        dark = {
            name.removesuffix("_dark"): value
            for name, value in self._values.items()
            if value is not None and name.endswith("_dark")
        }
        # :host: an app embedded in another page draws in a shadow root (README "Embedding").
        parts = [
            _block(":root,:host", light),
            _block(":root.dark,:host(.dark)", dark),
            "@media (prefers-color-scheme: dark) {",
            _block(":root:not(.light),:host(:not(.light))", dark),
            "}",
        ]
        return "\n".join(parts + ([self.custom_css] if self.custom_css else []))

    def to_dict(self) -> dict[str, Any]:
        """The theme as Gradio's theme files hold it: ``{"theme": {...}, "gradio_version": ...}``,
        fonts in their tagged JSON form."""
        theme: dict[str, Any] = {
            name: value for name, value in sorted(self._values.items()) if value is not None
        }
        theme |= {
            "_font": [fonts.encode(font) for font in self._font],
            "_font_mono": [fonts.encode(font) for font in self._font_mono],
            "_font_css": list(self._font_css),
            "_stylesheets": list(self._stylesheets),
            "custom_css": self.custom_css,
            "name": self.name,
        }
        return {"theme": theme, "gradio_version": GRADIO_VERSION}

    @classmethod
    def from_dict(cls, theme: dict[str, Any]) -> Self:
        """A theme from ``to_dict``'s form (a Gradio theme file's content). Variables the data
        leaves out keep this class's values; names limelight does not know (from a newer
        Gradio) are ignored with a warning."""
        _warn_if_other_version(theme.get("gradio_version"))
        new = cls()
        data = theme.get("theme")
        if not isinstance(data, dict):
            raise ValueError("A theme's data has its variables under the key 'theme'.")
        unknown = sorted(name for name in data if not _is_theme_key(name))
        if unknown:
            warnings.warn(
                f"Theme variables limelight does not know, ignored: {unknown}", stacklevel=2
            )
        for name, value in data.items():
            if name in ("_font", "_font_mono"):
                setattr(new, name, [fonts.decode(entry) for entry in value])
            elif name in unknown:
                continue
            else:
                setattr(new, name, list(value) if isinstance(value, list) else value)
        return new

    @classmethod
    def load(cls, path: str | Path) -> Self:
        """A theme from a JSON theme file (as ``dump`` or Gradio's ``Theme.dump`` write it)."""
        return cls.from_dict(json.loads(Path(path).read_text(encoding="utf-8")))

    def dump(self, filename: str | Path) -> None:
        """Write the theme to a JSON theme file, readable by ``load`` and by Gradio."""
        Path(filename).write_text(json.dumps(self.to_dict()), encoding="utf-8")

    @classmethod
    def from_hub(cls, repo_name: str, token: str | None = None) -> Base:
        """Gradio loads a theme from a Hugging Face Space; limelight works offline and reaches
        no Hub. ``"gradio/<name>"`` naming a ready-made theme (``"gradio/soft"``) gives that
        theme; any other name is a ValueError."""
        owner, _, rest = repo_name.partition("/")
        found = _READY_MADE.get(rest.partition("@")[0].lower()) if owner == "gradio" else None
        if found is None:
            raise ValueError(
                f"Cannot load the theme {repo_name!r}: limelight does not download themes from "
                "the Hugging Face Hub. Save it with Gradio (theme.dump('theme.json')) and load "
                "the file with gr.themes.Base.load('theme.json'), or use a ready-made theme: "
                f"{', '.join(sorted(_READY_MADE))}."
            )
        return found()

    def push_to_hub(self, *args: Any, **kwargs: Any) -> str:
        """Not supported: limelight does not publish to the Hugging Face Hub."""
        raise NotImplementedError(
            "limelight cannot push themes to the Hugging Face Hub. Write the theme to a file "
            "with theme.dump('theme.json') and publish it with Gradio's Theme.load(...)"
            ".push_to_hub(...)."
        )


ThemeClass = Base
"""Gradio's name for the class every theme derives from."""


def _font_list(spec: FontSpec) -> list[Font | str]:
    entries: Iterable[Font | str] = [spec] if isinstance(spec, Font | str) else spec
    return list(entries)


def _check_variable(theme: str, name: str, value: Any) -> None:
    """A TypeError for a name ``set()`` does not take, as Python gives for an unknown keyword
    argument; a ValueError for a value Gradio's stylesheet would refuse."""
    if name not in variables.NAMES:
        close = difflib.get_close_matches(name, variables.NAMES, n=1)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        raise TypeError(f"{theme}.set() got an unexpected keyword argument {name!r}{hint}")
    for reference in _REFERENCE.findall(str(value or "")):
        if reference.endswith("_dark"):
            raise ValueError(
                f"{name}={value!r}: refer to {reference.removesuffix('_dark')!r}; in dark mode "
                "a reference already takes the variable's dark value."
            )
        if name.endswith("_dark") and reference == name.removesuffix("_dark"):
            raise ValueError(f"{name}={value!r} refers to itself; leave it unset instead.")


def _is_theme_key(name: str) -> bool:
    return name in _STORED or name in (
        "_font",
        "_font_mono",
        "_font_css",
        "_stylesheets",
        "custom_css",
        "name",
    )


def _warn_if_other_version(version: object) -> None:
    """Gradio warns when a theme file comes from another minor version; so does limelight."""
    if isinstance(version, str) and version.split(".")[:2] != GRADIO_VERSION.split(".")[:2]:
        warnings.warn(
            f"This theme was made for Gradio {version}; limelight follows Gradio "
            f"{GRADIO_VERSION}. Some variables may look different.",
            stacklevel=3,
        )


def _css_name(name: str) -> str:
    return name.replace("_", "-")


def _value(value: str) -> str:
    return _REFERENCE.sub(lambda match: f"var(--{_css_name(match.group(1))})", value)


def _block(selector: str, props: dict[str, str]) -> str:
    lines = "".join(f"--{_css_name(key)}:{_value(value)};" for key, value in props.items())
    return f"{selector}{{{lines}}}"
