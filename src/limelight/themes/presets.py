# ruff: noqa: E501  (the variable tables keep one variable a line, however long its value)
"""The ready-made themes: each is ``Base`` with its own hues, sizes, fonts and a table of the
variables it restyles (written as in ``variables.py``: ``name  light | dark``)."""

from __future__ import annotations

from typing import Any

from limelight.themes.base import Base
from limelight.themes.utils import colors, sizes
from limelight.themes.utils.colors import Color
from limelight.themes.utils.fonts import Font, FontSpec, LocalFont
from limelight.themes.utils.sizes import Size
from limelight.themes.variables import parse_table

__all__ = [
    "Citrus",
    "Default",
    "Glass",
    "Monochrome",
    "Ocean",
    "Origin",
    "Soft",
]

_PLEX_MONO = (LocalFont("IBM Plex Mono"), "ui-monospace", "Consolas", "monospace")


def _sans(family: str) -> tuple[Font | str, ...]:
    return (LocalFont(family), "ui-sans-serif", "system-ui", "sans-serif")


def _mono(family: str) -> tuple[Font | str, ...]:
    return (LocalFont(family), "ui-monospace", "Consolas", "monospace")


def _preset(
    class_name: str,
    hues: tuple[Color, Color, Color],
    scales: tuple[Size, Size, Size],
    fonts: tuple[FontSpec, FontSpec],
    table: str,
    custom_css: str = "",
) -> type[Base]:
    """A theme class: its defaults are the given (primary, secondary, neutral) hues, (spacing,
    radius, text) sizes and (font, mono) fonts; ``table`` restyles variables on top of Base."""
    light, dark = parse_table(table)
    overrides: dict[str, Any] = light | {f"{k}_dark": v for k, v in dark.items() if v is not None}

    def __init__(
        self: Base,
        *,
        primary_hue: Color | str = hues[0],
        secondary_hue: Color | str = hues[1],
        neutral_hue: Color | str = hues[2],
        spacing_size: Size | str = scales[0],
        radius_size: Size | str = scales[1],
        text_size: Size | str = scales[2],
        font: FontSpec = fonts[0],
        font_mono: FontSpec = fonts[1],
    ) -> None:
        Base.__init__(
            self,
            primary_hue=primary_hue,
            secondary_hue=secondary_hue,
            neutral_hue=neutral_hue,
            spacing_size=spacing_size,
            radius_size=radius_size,
            text_size=text_size,
            font=font,
            font_mono=font_mono,
        )
        self.name = class_name.lower()
        self.custom_css = custom_css
        self.set(**overrides)

    doc = f"The {class_name} theme; every argument changes it as it does ``Base``."
    return type(class_name, (Base,), {"__init__": __init__, "__doc__": doc})


Default = _preset(
    "Default",
    (colors.orange, colors.blue, colors.zinc),
    (sizes.spacing_md, sizes.radius_md, sizes.text_md),
    (_sans("Source Sans Pro"), _PLEX_MONO),
    """
    input_background_fill  white | *neutral_800
    input_border_width  1px
    input_shadow_focus  0 0 0 *shadow_spread *secondary_50, *shadow_inset | 0 0 0 *shadow_spread *neutral_700, *shadow_inset
    button_border_width  0px
    button_cancel_background_fill  #ef4444 | #b91c1c
    button_cancel_background_fill_hover  #dc2626 | #991b1b
    button_cancel_text_color  white | white
    button_cancel_text_color_hover  white
    checkbox_label_background_fill  *background_fill_primary | *neutral_800
    checkbox_label_background_fill_hover  *background_fill_secondary | *checkbox_label_background_fill
    border_color_accent_subdued  *primary_200
    error_background_fill  #fef2f2 | *neutral_900
    stat_background_fill  linear-gradient(to right, *primary_400, *primary_200) | linear-gradient(to right, *primary_400, *primary_600)
    """,
)

Soft = _preset(
    "Soft",
    (colors.indigo, colors.indigo, colors.gray),
    (sizes.spacing_md, sizes.radius_md, sizes.text_md),
    (_sans("Montserrat"), _PLEX_MONO),
    """
    shadow_drop  0 1px 4px rgb(0 0 0 / 0.1)
    shadow_drop_lg  0 2px 5px rgb(0 0 0 / 0.1)
    shadow_spread  6px
    background_fill_primary  *neutral_50
    block_background_fill  white
    block_border_width  0px
    block_label_background_fill  *primary_100 | *primary_600
    block_label_text_color  *primary_500 | white
    block_label_text_size  *text_md
    block_label_text_weight  600
    block_label_margin  *spacing_md
    block_label_padding  *spacing_sm *spacing_md
    block_label_radius  *radius_md
    block_title_background_fill  *block_label_background_fill
    block_title_text_color  *primary_500 | white
    block_title_text_weight  600
    block_title_padding  *block_label_padding
    block_title_radius  *block_label_radius
    input_background_fill  white
    input_border_color  *neutral_50
    input_shadow  *shadow_drop
    input_shadow_focus  *shadow_drop_lg
    button_primary_background_fill_hover  *primary_400 | *primary_500
    button_primary_shadow  *shadow_drop_lg
    button_primary_shadow_hover  *shadow_drop_lg
    button_primary_shadow_active  *shadow_inset
    button_secondary_background_fill  white
    button_secondary_background_fill_hover  *neutral_100 | *primary_500
    button_secondary_text_color  *neutral_800
    button_secondary_shadow  *shadow_drop_lg
    button_secondary_shadow_hover  *shadow_drop_lg
    button_secondary_shadow_active  *shadow_inset
    checkbox_background_color_selected  *primary_600 | *primary_700
    checkbox_border_color  *neutral_100 | *neutral_600
    checkbox_border_color_focus  *primary_500 | *primary_600
    checkbox_border_color_selected  *primary_600 | *primary_700
    checkbox_border_width  1px
    checkbox_shadow  none
    checkbox_label_background_fill_selected  *primary_500 | *primary_600
    checkbox_label_text_color_selected  white
    checkbox_label_shadow  *shadow_drop_lg
    slider_color  *primary_500 | *primary_600
    panel_border_width  1px
    """,
)

Glass = _preset(
    "Glass",
    (colors.blue, colors.slate, colors.slate),
    (sizes.spacing_sm, sizes.radius_sm, sizes.text_sm),
    (("Optima", "Candara", "Noto Sans", "source-sans-pro", "sans-serif"), _PLEX_MONO),
    """
    body_background_fill  *background_fill_primary | *secondary_800
    background_fill_primary  white | *neutral_700
    background_fill_secondary  *secondary_100 | *secondary_800
    border_color_primary  *neutral_200 | *secondary_600
    shadow_inset  inset 0 1px 2px rgb(0 0 0 / 0.05)
    block_background_fill  *secondary_50 | *secondary_800
    block_border_width  0px | 1px
    block_border_color  *border_color_primary | *secondary_600
    block_label_background_fill  *secondary_200 | *secondary_700
    block_label_text_color  *secondary_500
    block_label_text_size  *text_md
    block_label_text_weight  600
    block_title_text_color  *secondary_500
    block_title_text_weight  600
    input_background_fill  linear-gradient(to top, *secondary_100, white) | *secondary_600
    input_border_color  *border_color_primary | *secondary_600
    input_border_color_focus  *secondary_300 | *secondary_500
    input_border_width  1px
    button_border_width  1px
    button_primary_background_fill  linear-gradient(to bottom, *primary_100, *primary_200 30%) | linear-gradient(to bottom, *primary_500, *primary_600 30%)
    button_primary_background_fill_hover  *button_primary_background_fill
    button_primary_border_color  *primary_200
    button_primary_border_color_hover  *button_primary_border_color
    button_primary_text_color  *body_text_color
    button_primary_shadow_active  *shadow_inset
    button_secondary_background_fill  linear-gradient(to bottom, *secondary_100, *secondary_200 30%) | linear-gradient(to bottom, *secondary_500, *secondary_600 30%)
    button_secondary_background_fill_hover  *button_secondary_background_fill
    button_secondary_shadow_active  *shadow_inset
    checkbox_background_color  *background_fill_primary | *secondary_400
    checkbox_border_width  0px | 0px
    checkbox_label_border_color  *border_color_primary | *secondary_700
    checkbox_label_border_width  1px | 1px
    table_even_background_fill  white | *neutral_700
    table_odd_background_fill  *neutral_50 | *neutral_700
    panel_border_width  1px
    """,
)

Monochrome = _preset(
    "Monochrome",
    (colors.neutral, colors.neutral, colors.neutral),
    (sizes.spacing_lg, sizes.radius_none, sizes.text_md),
    (_sans("Lora"), _PLEX_MONO),
    """
    body_text_color  *neutral_900 | *neutral_100
    body_text_color_subdued  *neutral_700
    background_fill_primary  white | *neutral_900
    background_fill_secondary  *neutral_50 | *neutral_800
    shadow_drop_lg  0 1px 4px rgb(0 0 0 / 0.1)
    block_shadow  none | *shadow_drop_lg
    block_label_text_color  *body_text_color
    block_label_text_size  *text_md
    block_label_text_weight  600
    block_title_text_color  *body_text_color
    block_title_text_weight  600
    button_border_width  2px
    button_large_padding  *spacing_lg
    button_small_padding  *spacing_sm
    button_primary_background_fill  *neutral_900 | *neutral_600
    button_primary_background_fill_hover  *neutral_700 | *neutral_600
    button_primary_border_color  *neutral_900
    button_secondary_background_fill  white | *neutral_700
    button_secondary_background_fill_hover  white
    button_secondary_border_color  *neutral_900
    button_secondary_border_color_hover  *neutral_400
    button_secondary_text_color  *neutral_900
    button_secondary_text_color_hover  *neutral_400
    button_cancel_border_color  *neutral_900
    checkbox_background_color  *input_background_fill
    checkbox_label_background_fill_selected  *button_primary_background_fill
    checkbox_label_border_color  *checkbox_background_color
    checkbox_label_border_color_hover  *button_secondary_border_color_hover
    checkbox_label_border_color_selected  *button_primary_border_color
    checkbox_label_border_width  *button_border_width
    checkbox_label_padding  *spacing_sm
    checkbox_label_text_color_selected  *button_primary_text_color
    slider_color  *neutral_900 | *neutral_500
    """,
)

Ocean = _preset(
    "Ocean",
    (colors.emerald, colors.sky, colors.zinc),
    (sizes.spacing_md, sizes.radius_xxl, sizes.text_md),
    (_sans("IBM Plex Sans"), _PLEX_MONO),
    """
    block_shadow  *shadow_drop_lg
    button_border_width  0px
    button_transform_hover  scale(1.02)
    button_transition  all 0.1s ease-in-out
    button_primary_background_fill  linear-gradient(120deg, *secondary_500, *primary_300 60%, *primary_400) | linear-gradient(120deg, *secondary_600, *primary_500 60%, *primary_600)
    button_primary_background_fill_hover  linear-gradient(120deg, *secondary_400, *primary_300 60%, *primary_300) | linear-gradient(120deg, *secondary_500, *primary_500 60%, *primary_500)
    button_primary_text_color  *button_secondary_text_color | *button_secondary_text_color
    button_primary_shadow  none | none
    button_primary_shadow_hover  0 1px 3px *primary_200, 0 1px 2px -1px *primary_200
    button_secondary_background_fill  linear-gradient(120deg, *neutral_300, *neutral_100 60%, *neutral_200) | linear-gradient(120deg, *neutral_700, *neutral_600 60%, *neutral_700)
    button_secondary_background_fill_hover  linear-gradient(120deg, *neutral_200, *neutral_100 60%, *neutral_100) | linear-gradient(120deg, *neutral_600, *neutral_600 60%, *neutral_700)
    button_secondary_shadow  none | none
    button_secondary_shadow_hover  *shadow_drop_lg
    checkbox_background_color_selected  *primary_400 | *primary_600
    checkbox_label_background_fill_selected  linear-gradient(120deg, *primary_400, *primary_300 60%, *primary_400) | linear-gradient(120deg, *primary_600, *primary_500 60%, *primary_600)
    checkbox_label_border_color_selected  *primary_400 | *primary_600
    checkbox_label_border_width  1px
    checkbox_label_text_color_selected  *button_secondary_text_color | *button_secondary_text_color
    slider_color  *primary_400 | *primary_500
    """,
)

Origin = _preset(
    "Origin",
    (colors.orange, colors.blue, colors.gray),
    (sizes.spacing_md, sizes.radius_md, sizes.text_md),
    (_sans("Source Sans Pro"), _PLEX_MONO),
    """
    block_shadow  *shadow_drop
    border_color_accent_subdued  *primary_200
    form_gap_width  1px
    error_background_fill  #fef2f2 | *neutral_900
    input_background_fill  white | *neutral_800
    input_border_width  1px
    input_shadow  0 0 0 *shadow_spread transparent, *shadow_inset
    input_shadow_focus  0 0 0 *shadow_spread *secondary_50, *shadow_inset | 0 0 0 *shadow_spread *neutral_700, *shadow_inset
    button_border_width  1px | 1px
    button_transition  none
    button_primary_background_fill  linear-gradient(to bottom right, *primary_100, *primary_300) | linear-gradient(to bottom right, *primary_500, *primary_600)
    button_primary_background_fill_hover  linear-gradient(to bottom right, *primary_100, *primary_200) | *primary_500
    button_primary_border_color  *primary_200 | *primary_500
    button_primary_border_color_hover  *button_primary_border_color
    button_primary_text_color  *primary_600 | white
    button_primary_shadow  *shadow_drop
    button_primary_shadow_hover  *shadow_drop_lg
    button_primary_shadow_active  *shadow_inset
    button_secondary_background_fill  linear-gradient(to bottom right, *neutral_100, *neutral_200) | linear-gradient(to bottom right, *neutral_600, *neutral_700)
    button_secondary_background_fill_hover  *neutral_100 | *neutral_600
    button_secondary_border_color_hover  *neutral_200 | *neutral_600
    button_secondary_text_color  *neutral_800 | white
    button_secondary_shadow  *shadow_drop
    button_secondary_shadow_hover  *shadow_drop_lg
    button_secondary_shadow_active  *shadow_inset
    button_cancel_background_fill  linear-gradient(to bottom right, #fee2e2, #fecaca) | linear-gradient(to bottom right, #dc2626, #b91c1c)
    button_cancel_background_fill_hover  #fee2e2 | #dc2626
    button_cancel_border_color  #fecaca | #dc2626
    button_cancel_border_color_hover  #fecaca | #dc2626
    button_cancel_text_color  #dc2626 | white
    checkbox_label_background_fill  linear-gradient(to top, *neutral_50, white) | linear-gradient(to top, *neutral_900, *neutral_800)
    checkbox_label_background_fill_hover  linear-gradient(to top, *neutral_100, white) | linear-gradient(to top, *neutral_900, *neutral_800)
    checkbox_label_shadow  *shadow_drop
    stat_background_fill  linear-gradient(to right, *primary_400, *primary_200) | linear-gradient(to right, *primary_400, *primary_600)
    """,
)

Citrus = _preset(
    "Citrus",
    (colors.amber, colors.amber, colors.stone),
    (sizes.spacing_lg, sizes.radius_md, sizes.text_md),
    (_sans("Ubuntu"), _mono("Roboto Mono")),
    """
    background_fill_primary  *neutral_50 | *neutral_950
    block_background_fill  *neutral_100 | *neutral_800
    block_border_color  *neutral_300 | *border_color_primary
    block_shadow  0 3px 0 *neutral_300 | 0 3px 0 *neutral_700
    block_label_shadow  none
    button_border_width  0px
    button_transform_hover  translateY(-2px)
    button_transform_active  translateY(1px)
    button_transition  all 0.1s
    button_primary_background_fill_hover  *button_primary_background_fill | *button_primary_background_fill
    button_primary_text_color  *button_secondary_text_color | *button_secondary_text_color
    button_primary_shadow  0 3px 0 *primary_400 | 0 3px 0 *primary_700
    button_primary_shadow_hover  0 5px 0 *primary_400 | 0 5px 0 *primary_700
    button_primary_shadow_active  0 2px 0 *primary_400 | 0 2px 0 *primary_700
    button_secondary_background_fill  *primary_400 | *primary_500
    button_secondary_background_fill_hover  *button_secondary_background_fill | *button_secondary_background_fill
    button_secondary_text_color  black | *neutral_900
    button_secondary_shadow  0 3px 0 *primary_300 | 0 3px 0 *primary_600
    button_secondary_shadow_hover  0 5px 0 *primary_300 | 0 5px 0 *primary_600
    button_secondary_shadow_active  0 2px 0 *primary_300 | 0 2px 0 *primary_600
    button_cancel_background_fill  #ef4444 | #b91c1c
    button_cancel_background_fill_hover  #dc2626 | #991b1b
    button_cancel_text_color  white | white
    button_cancel_text_color_hover  white
    button_cancel_shadow  0 3px 0 #f87171 | 0 3px 0 #dc2626
    button_cancel_shadow_hover  0 5px 0 #f87171 | 0 5px 0 #dc2626
    button_cancel_shadow_active  0 2px 0 #f87171 | 0 2px 0 #dc2626
    checkbox_background_color  *background_fill_primary | *neutral_400
    checkbox_background_color_selected  *color_accent | *primary_600
    checkbox_label_background_fill  *neutral_200 | *neutral_700
    checkbox_label_background_fill_hover  *checkbox_label_background_fill | *checkbox_label_background_fill
    checkbox_label_background_fill_selected  *primary_400 | *primary_500
    checkbox_label_border_color_selected  *primary_300 | *primary_600
    checkbox_label_border_width  2px | 2px
    checkbox_label_text_color_selected  *checkbox_label_text_color | *button_primary_text_color
    """,
)
