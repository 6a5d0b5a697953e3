"""The bold ready-made themes Gradio 6 added: Cyberpunk, Ember, Mario and Neon."""

from __future__ import annotations

from limelight.themes.presets import _mono, _preset, _sans
from limelight.themes.utils import colors, sizes
from limelight.themes.utils.fonts import LocalFont

__all__ = ["Cyberpunk", "Ember", "Mario", "Neon"]

Cyberpunk = _preset(
    "Cyberpunk",
    (colors.fuchsia, colors.cyan, colors.slate),
    (sizes.spacing_md, sizes.radius_sm, sizes.text_md),
    (_sans("Chakra Petch"), _mono("Share Tech Mono")),
    # A near-black violet night, hard 2px edges, fuchsia badges and glow, cyan highlights.
    """
    body_background_fill  *neutral_100 | #0b0518
    body_text_color  *neutral_800 | *neutral_300
    body_text_color_subdued  *neutral_500 | *neutral_400
    background_fill_primary  *neutral_50 | #120a24
    background_fill_secondary  *neutral_200 | #1b1131
    shadow_drop  none
    shadow_drop_lg  none
    shadow_spread  0px
    block_background_fill  white | #120a24
    block_border_width  2px
    block_border_color  *neutral_300 | #5b21b666
    block_shadow  none | none
    block_label_background_fill  *primary_100 | #701a7588
    block_label_text_color  *primary_700 | *primary_300
    block_label_text_weight  700
    block_label_radius  0
    block_title_background_fill  *primary_100 | #701a7588
    block_title_text_color  *primary_700 | *primary_300
    block_title_text_weight  700
    block_title_padding  *spacing_sm *spacing_lg
    block_title_radius  0
    input_background_fill  white | #1b1131
    input_background_fill_focus  white | #201339
    input_border_width  2px
    input_border_color  *neutral_300 | #6d28d955
    input_border_color_focus  *primary_500 | *primary_500
    input_shadow  none
    input_shadow_focus  0 0 0 2px *primary_300 | 0 0 0 2px #d946ef88, 0 0 14px -2px #c026d344
    button_border_width  2px
    button_transition  all 0.1s ease
    button_primary_background_fill  *primary_500 | *primary_600
    button_primary_background_fill_hover  *primary_600 | *primary_500
    button_primary_border_color  *primary_600 | *primary_500
    button_primary_text_color  white | white
    button_primary_shadow  none | 0 0 12px -2px #d946ef88
    button_primary_shadow_hover  none | 0 0 20px -2px #d946efaa
    button_primary_shadow_active  none | none
    button_secondary_background_fill  white | #1b1131
    button_secondary_background_fill_hover  *neutral_100 | #261642
    button_secondary_border_color  *neutral_300 | #6d28d955
    button_secondary_text_color  *neutral_700 | *neutral_300
    button_secondary_shadow  none
    button_cancel_background_fill  white | #1b1131
    button_cancel_background_fill_hover  #fef2f2 | #7f1d1d55
    button_cancel_border_color  #fca5a5 | #b91c1c88
    button_cancel_text_color  #dc2626 | #f87171
    checkbox_background_color_selected  *primary_500 | *primary_500
    checkbox_border_color  *neutral_400 | #7c3aed66
    checkbox_border_color_selected  *primary_600 | *primary_500
    checkbox_border_width  2px
    checkbox_shadow  none
    checkbox_label_background_fill  white | #1b1131
    checkbox_label_background_fill_hover  *primary_50 | #261642
    checkbox_label_background_fill_selected  *primary_600 | *primary_800
    checkbox_label_border_color  *neutral_300 | #6d28d955
    checkbox_label_border_color_selected  *primary_600 | *primary_600
    checkbox_label_border_width  2px
    checkbox_label_text_color_selected  white | *primary_200
    checkbox_label_shadow  none
    color_accent  *secondary_500
    color_accent_soft  *secondary_50 | #164e6366
    slider_color  *secondary_500 | *secondary_400
    loader_color  *secondary_500 | *secondary_400
    table_even_background_fill  *neutral_50 | #1b1131
    table_odd_background_fill  white | #120a24
    table_border_color  *neutral_300 | #5b21b666
    table_row_focus  *primary_50 | #261642
    panel_border_width  2px
    panel_border_color  *neutral_300 | #5b21b666
    """,
)

Ember = _preset(
    "Ember",
    (colors.orange, colors.orange, colors.stone),
    (sizes.spacing_md, sizes.radius_lg, sizes.text_md),
    (_sans("Source Sans 3"), _mono("Source Code Pro")),
    # Warm stone paper, borderless cards lifted by soft shadows, orange pills for labels.
    """
    body_background_fill  *neutral_50 | *neutral_950
    body_text_color  *neutral_800 | *neutral_200
    body_text_color_subdued  *neutral_500 | *neutral_400
    background_fill_primary  white | *neutral_900
    background_fill_secondary  *neutral_100 | *neutral_800
    shadow_drop  0 1px 3px rgb(0 0 0 / 0.08)
    shadow_drop_lg  0 4px 12px rgb(0 0 0 / 0.1)
    shadow_spread  6px
    block_background_fill  white | *neutral_900
    block_border_width  0px
    block_shadow  *shadow_drop | 0 1px 4px rgb(0 0 0 / 0.3)
    block_label_background_fill  *primary_50 | *primary_900
    block_label_text_color  *primary_600 | *primary_300
    block_label_text_weight  600
    block_label_text_size  *text_md
    block_label_padding  *spacing_sm *spacing_md
    block_label_radius  *radius_md
    block_title_background_fill  *primary_50 | *primary_900
    block_title_text_color  *primary_600 | *primary_300
    block_title_text_weight  600
    block_title_padding  *spacing_sm *spacing_md
    block_title_radius  *radius_md
    input_background_fill  white | *neutral_800
    input_border_color  *neutral_200 | *neutral_600
    input_border_color_focus  *primary_400 | *primary_500
    input_border_width  1px
    input_shadow  none
    input_shadow_focus  0 0 0 3px *primary_100 | 0 0 0 3px *primary_900
    button_border_width  0px
    button_transition  all 0.15s ease
    button_primary_background_fill  *primary_500 | *primary_600
    button_primary_background_fill_hover  *primary_600 | *primary_500
    button_primary_shadow  *shadow_drop_lg
    button_primary_shadow_hover  0 4px 6px -1px rgb(0 0 0 / 0.1), 0 2px 4px -2px rgb(0 0 0 / 0.1)
    button_primary_shadow_active  none
    button_secondary_background_fill  white | *neutral_800
    button_secondary_background_fill_hover  *neutral_50 | *neutral_700
    button_secondary_border_color  *neutral_200 | *neutral_600
    button_secondary_text_color  *neutral_700 | *neutral_200
    button_secondary_shadow  *shadow_drop
    button_secondary_shadow_hover  *shadow_drop_lg
    button_cancel_background_fill  #ef4444 | #dc2626
    button_cancel_background_fill_hover  #dc2626 | #b91c1c
    button_cancel_text_color  white | white
    checkbox_background_color_selected  *primary_500 | *primary_500
    checkbox_border_color  *neutral_300 | *neutral_500
    checkbox_border_color_selected  *primary_500 | *primary_500
    checkbox_shadow  none
    checkbox_label_background_fill  white | *neutral_800
    checkbox_label_background_fill_selected  *primary_500 | *primary_600
    checkbox_label_text_color_selected  white
    checkbox_label_shadow  *shadow_drop
    color_accent  *primary_500
    color_accent_soft  *primary_50 | *primary_900
    slider_color  *primary_500 | *primary_400
    loader_color  *primary_500 | *primary_400
    table_even_background_fill  *neutral_50 | *neutral_800
    table_odd_background_fill  white | *neutral_900
    panel_border_width  1px
    panel_border_color  *neutral_200 | *neutral_700
    """,
)

Neon = _preset(
    "Neon",
    (colors.lime, colors.cyan, colors.neutral),
    (sizes.spacing_lg, sizes.radius_xxl, sizes.text_md),
    (_sans("Lexend"), (LocalFont("Space Mono", (400,)), "ui-monospace", "Consolas", "monospace")),
    # Rounded, chunky and bright: lime buttons raised on a solid bottom edge that press down.
    """
    body_background_fill  *neutral_100 | *neutral_950
    body_text_color  *neutral_800 | *neutral_200
    body_text_color_subdued  *neutral_500 | *neutral_400
    background_fill_primary  *neutral_100 | *neutral_900
    background_fill_secondary  *neutral_200 | *neutral_800
    shadow_drop  none
    shadow_drop_lg  none
    shadow_spread  0px
    block_background_fill  white | *neutral_900
    block_border_width  2px
    block_border_color  *neutral_300 | *neutral_700
    block_shadow  0 3px 0 *neutral_300 | 0 3px 0 *neutral_800
    block_label_background_fill  *primary_200 | *primary_800
    block_label_text_color  *primary_800 | *primary_200
    block_label_text_weight  600
    block_label_text_size  *text_md
    block_label_radius  0 0 calc(*radius_sm - 1px) 0
    block_title_background_fill  *primary_200 | *primary_800
    block_title_text_color  *primary_800 | *primary_200
    block_title_text_weight  600
    block_title_padding  *spacing_sm *spacing_lg
    block_title_radius  *radius_sm
    input_background_fill  white | *neutral_800
    input_background_fill_focus  *primary_50 | *neutral_700
    input_border_color  *neutral_300 | *neutral_600
    input_border_color_focus  *primary_500 | *primary_400
    input_border_width  2px
    input_shadow  none
    input_shadow_focus  none
    button_border_width  2px
    button_transform_hover  translateY(-2px)
    button_transform_active  translateY(1px)
    button_transition  all 0.1s ease
    button_primary_background_fill  *primary_400 | *primary_500
    button_primary_background_fill_hover  *primary_400 | *primary_500
    button_primary_border_color  *primary_500 | *primary_600
    button_primary_text_color  *primary_950 | *primary_950
    button_primary_shadow  0 4px 0 *primary_600 | 0 4px 0 *primary_700
    button_primary_shadow_hover  0 6px 0 *primary_600 | 0 6px 0 *primary_700
    button_primary_shadow_active  0 2px 0 *primary_600 | 0 2px 0 *primary_700
    button_secondary_background_fill  white | *neutral_800
    button_secondary_background_fill_hover  white | *neutral_800
    button_secondary_border_color  *neutral_300 | *neutral_600
    button_secondary_text_color  *neutral_700 | *neutral_200
    button_secondary_shadow  0 4px 0 *neutral_300 | 0 4px 0 *neutral_700
    button_secondary_shadow_hover  0 6px 0 *neutral_300 | 0 6px 0 *neutral_700
    button_secondary_shadow_active  0 2px 0 *neutral_300 | 0 2px 0 *neutral_700
    button_cancel_background_fill  #f87171 | #ef4444
    button_cancel_background_fill_hover  #f87171 | #ef4444
    button_cancel_border_color  #ef4444 | #dc2626
    button_cancel_text_color  white | white
    button_cancel_shadow  0 4px 0 #dc2626 | 0 4px 0 #b91c1c
    button_cancel_shadow_hover  0 6px 0 #dc2626 | 0 6px 0 #b91c1c
    button_cancel_shadow_active  0 2px 0 #dc2626 | 0 2px 0 #b91c1c
    checkbox_background_color_selected  *primary_500 | *primary_400
    checkbox_border_color  *neutral_400 | *neutral_500
    checkbox_border_color_selected  *primary_600 | *primary_500
    checkbox_border_width  2px
    checkbox_shadow  none
    checkbox_label_background_fill  white | *neutral_800
    checkbox_label_background_fill_hover  *primary_50 | *neutral_700
    checkbox_label_background_fill_selected  *primary_300 | *primary_700
    checkbox_label_border_color  *neutral_300 | *neutral_600
    checkbox_label_border_color_selected  *primary_500 | *primary_500
    checkbox_label_border_width  2px
    checkbox_label_text_color_selected  *primary_900 | *primary_100
    checkbox_label_shadow  0 4px 0 *neutral_300 | 0 4px 0 *neutral_700
    checkbox_label_shadow_hover  0 6px 0 *neutral_300 | 0 6px 0 *neutral_700
    checkbox_label_shadow_active  0 2px 0 *neutral_300 | 0 2px 0 *neutral_700
    color_accent  *secondary_500
    color_accent_soft  *secondary_100 | *secondary_900
    slider_color  *primary_500 | *primary_400
    loader_color  *primary_500 | *primary_400
    table_even_background_fill  *neutral_50 | *neutral_800
    table_odd_background_fill  white | *neutral_900
    table_border_color  *neutral_300 | *neutral_600
    panel_border_width  2px
    panel_border_color  *neutral_300 | *neutral_700
    """,
)

_BRICKS = (
    "linear-gradient(#0000 46%, #000 46% 54%, #0000 54%) 0 0 / 32px 16px, "
    "linear-gradient(90deg, #0000 46%, #000 46% 54%, #0000 54%) 0 0 / 32px 32px, "
    "#c84c0c"
)
"""A brick wall drawn with gradients alone (no image file): mortar lines on brick red."""

_MARIO_CSS = f"""
body {{ background:
  radial-gradient(ellipse 60px 22px at 20% 12%, #fff 98%, #0000) fixed,
  radial-gradient(ellipse 80px 26px at 78% 22%, #fff 98%, #0000) fixed,
  #6b8cff; }}
.btn-secondary, .accordion-header {{ background: {_BRICKS} !important; color: #fcfcfc !important; }}
input[type="range"]::-webkit-slider-thumb {{ appearance: none; width: 22px; height: 26px;
  border: 2px solid #000; border-radius: 50%;
  background: radial-gradient(ellipse 3px 8px, #b45309 98%, #0000), #fac000; }}
input[type="range"]::-moz-range-thumb {{ width: 22px; height: 26px; border: 2px solid #000;
  border-radius: 50%; background: radial-gradient(ellipse 3px 8px, #b45309 98%, #0000), #fac000; }}
"""
"""Mario's touches beyond variables: sky with clouds, brick buttons, a coin for a slider thumb."""

Mario = _preset(
    "Mario",
    (colors.orange, colors.green, colors.stone),
    (sizes.spacing_md, sizes.radius_sm, sizes.text_md),
    (
        (LocalFont("Press Start 2P", (400,)), "ui-monospace", "monospace"),
        (LocalFont("Press Start 2P", (400,)), "ui-monospace", "Consolas", "monospace"),
    ),
    # Sky blue page, question-block gold cards with thick black outlines, green pipe buttons.
    """
    body_background_fill  #6b8cff
    body_text_color  #000000
    body_text_color_subdued  #a0380c
    background_fill_primary  #6b8cff
    background_fill_secondary  #e4a672
    shadow_drop  none
    shadow_drop_lg  none
    shadow_spread  0px
    shadow_inset  inset 0 2px 4px rgb(0 0 0 / 0.3)
    block_background_fill  #fac000
    block_border_width  4px
    block_border_color  #000000
    block_shadow  0 4px 0 #a0380c
    block_radius  4px
    block_padding  *spacing_lg
    block_label_background_fill  #c84c0c
    block_label_border_color  #000000
    block_label_border_width  3px
    block_label_shadow  0 3px 0 #9c6838
    block_label_text_color  #000000
    block_label_padding  *spacing_sm *spacing_md
    block_label_radius  4px
    block_title_background_fill  #c84c0c
    block_title_border_color  #000000
    block_title_border_width  3px
    block_title_text_color  #000000
    block_title_padding  *spacing_sm *spacing_md
    block_title_radius  4px
    input_background_fill  #fce4a8
    input_background_fill_focus  #fcfcfc
    input_border_color  #000000
    input_border_color_focus  #c84c0c
    input_border_width  3px
    input_radius  4px
    input_placeholder_color  #9c6838
    input_shadow  none
    input_shadow_focus  0 0 0 3px #fac000
    button_border_width  4px
    button_transform_hover  translateY(-2px)
    button_transform_active  translateY(2px)
    button_transition  all 0.08s ease
    button_primary_background_fill  #00a800
    button_primary_background_fill_hover  #10c010
    button_primary_border_color  #000000
    button_primary_text_color  #000000
    button_primary_shadow  0 4px 0 #005800
    button_primary_shadow_hover  0 6px 0 #005800
    button_primary_shadow_active  0 1px 0 #005800
    button_secondary_background_fill  #c84c0c
    button_secondary_background_fill_hover  #d86020
    button_secondary_border_color  #000000
    button_secondary_text_color  #000000
    button_secondary_shadow  0 4px 0 #9c6838
    button_secondary_shadow_hover  0 6px 0 #9c6838
    button_secondary_shadow_active  0 1px 0 #9c6838
    button_cancel_background_fill  #dc2626
    button_cancel_background_fill_hover  #ef4444
    button_cancel_border_color  #000000
    button_cancel_text_color  #000000
    button_cancel_shadow  0 4px 0 #7f1d1d
    button_cancel_shadow_hover  0 6px 0 #7f1d1d
    button_cancel_shadow_active  0 1px 0 #7f1d1d
    checkbox_background_color_selected  #fac000
    checkbox_border_color  #000000
    checkbox_border_color_selected  #000000
    checkbox_border_width  3px
    checkbox_shadow  none
    checkbox_label_background_fill  #fce4a8
    checkbox_label_background_fill_hover  #fcfcfc
    checkbox_label_background_fill_selected  #fac000
    checkbox_label_border_color  #000000
    checkbox_label_border_color_selected  #000000
    checkbox_label_border_width  3px
    checkbox_label_text_color  #000000
    checkbox_label_text_color_selected  #000000
    checkbox_label_shadow  0 3px 0 #9c6838
    checkbox_label_shadow_hover  0 5px 0 #9c6838
    checkbox_label_shadow_active  0 1px 0 #9c6838
    color_accent  #fac000
    color_accent_soft  #fce4a8
    slider_color  #00a800
    loader_color  #fac000
    table_even_background_fill  #fce4a8
    table_odd_background_fill  #e4a672
    table_border_color  #000000
    table_row_focus  #fac000
    panel_background_fill  #c84c0c
    panel_border_color  #000000
    panel_border_width  4px
    error_background_fill  #fcd0d0
    error_border_color  #dc2626
    error_text_color  #991b1b
    error_icon_color  #dc2626
    link_text_color  #00a800
    link_text_color_hover  #10c010
    """,
    _MARIO_CSS,
)
