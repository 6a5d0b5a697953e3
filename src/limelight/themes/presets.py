"""The ready-made themes, each a ``Base`` with its own hues, sizes and fonts."""

from __future__ import annotations

from .base import Base
from .utils import colors, sizes
from .utils.colors import Color
from .utils.fonts import FontSpec, GoogleFont
from .utils.sizes import Size

__all__ = ["Citrus", "Default", "Glass", "Monochrome", "Ocean", "Origin", "Soft"]


def _preset(
    name: str,
    primary: Color,
    secondary: Color,
    neutral: Color,
    radius: Size = sizes.radius_md,
    font: FontSpec | None = None,
) -> type[Base]:
    """A theme class whose defaults are the given hues, radius and font."""

    def __init__(
        self: Base,
        *,
        primary_hue: Color | str = primary,
        secondary_hue: Color | str = secondary,
        neutral_hue: Color | str = neutral,
        text_size: Size | str = sizes.text_md,
        spacing_size: Size | str = sizes.spacing_md,
        radius_size: Size | str = radius,
        font: FontSpec | None = font,
        font_mono: FontSpec | None = None,
    ) -> None:
        Base.__init__(
            self,
            primary_hue=primary_hue,
            secondary_hue=secondary_hue,
            neutral_hue=neutral_hue,
            text_size=text_size,
            spacing_size=spacing_size,
            radius_size=radius_size,
            **({"font": font} if font is not None else {}),
            **({"font_mono": font_mono} if font_mono is not None else {}),
        )

    doc = f"The {name} theme; any argument of ``Base`` changes it."
    return type(name.capitalize(), (Base,), {"name": name, "__init__": __init__, "__doc__": doc})


Default = _preset("default", colors.orange, colors.blue, colors.gray)
Soft = _preset(
    "soft",
    colors.indigo,
    colors.indigo,
    colors.gray,
    sizes.radius_lg,
    (GoogleFont("Montserrat"), "ui-sans-serif", "system-ui", "sans-serif"),
)
Glass = _preset("glass", colors.stone, colors.stone, colors.stone, sizes.radius_sm)
Monochrome = _preset(
    "monochrome",
    colors.neutral,
    colors.neutral,
    colors.neutral,
    sizes.radius_none,
    (GoogleFont("Lora"), "ui-serif", "serif"),
)
Ocean = _preset("ocean", colors.blue, colors.cyan, colors.slate, sizes.radius_lg)
Origin = _preset("origin", colors.orange, colors.amber, colors.gray, sizes.radius_sm)
Citrus = _preset("citrus", colors.amber, colors.yellow, colors.stone, sizes.radius_lg)
