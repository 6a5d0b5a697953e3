"""Themes: hues, sizes and fonts become the page's CSS variables; ``set()`` overrides them."""

from __future__ import annotations

from collections.abc import Iterable

import pytest

import limelight as gr
from limelight.config import build_config
from limelight.themes import Base, colors, fonts, sizes, theme_css


def test_primary_hue_by_name_sets_the_accent_and_the_shades() -> None:
    css = gr.themes.Default(primary_hue="red").css()
    assert "--primary-500: #ef4444;" in css
    assert "--accent: var(--primary-600);" in css
    assert "--secondary-500: #3b82f6;" in css  # Default's secondary hue: blue


def test_font_and_sizes_reach_limelight_variables() -> None:
    theme = gr.themes.Base(
        font=[gr.themes.GoogleFont("Inconsolata"), "Arial", "sans-serif"],
        radius_size="none",
        spacing_size=sizes.spacing_lg,
    )
    css = theme.css()
    assert "--font: 'Inconsolata', Arial, sans-serif;" in css
    assert "--radius: 0px;" in css
    assert "--gap: 28px;" in css
    assert "fonts.googleapis" not in css  # pages work offline: no web font is fetched


def test_set_resolves_references_and_applies_dark_twins() -> None:
    theme = gr.themes.Soft().set(
        button_primary_background_fill="linear-gradient(90deg, *primary_300, *secondary_400)",
        button_primary_background_fill_dark="*primary_800",
        body_text_color="#111111",
    )
    css = theme.css()
    light, dark = css.split(":root.dark", 1)
    gradient = "linear-gradient(90deg, var(--primary-300), var(--secondary-400))"
    assert f"--button-primary-background-fill: {gradient};" in light
    assert "--button-primary-background-fill: var(--primary-800);" in dark
    assert "--text: #111111;" in light  # Gradio's name sets limelight's variable too
    assert ".btn-primary {\n  background: var(--button-primary-background-fill);" in css


QUICKSAND = (fonts.GoogleFont("Quicksand"), "sans-serif")


def test_a_custom_theme_class_in_the_style_of_gradios_guide() -> None:
    class Seafoam(Base):
        def __init__(
            self,
            *,
            primary_hue: colors.Color | str = colors.emerald,
            font: fonts.Font | str | Iterable[fonts.Font | str] = QUICKSAND,
        ) -> None:
            super().__init__(primary_hue=primary_hue, font=font, text_size=sizes.text_lg)
            super().set(slider_color="*secondary_300", block_border_width="3px")

    theme = Seafoam()
    assert theme.primary_500 == colors.emerald.c500
    assert theme.slider_color == "*secondary_300"
    assert "--text-md: 16px;" in theme.css()


def test_unknown_names_are_clear_errors() -> None:
    with pytest.raises(ValueError, match="Unknown colour 'chartreuse'"):
        gr.themes.Base(primary_hue="chartreuse")
    with pytest.raises(ValueError, match="Unknown radius size"):
        gr.themes.Base(radius_size="huge")
    with pytest.raises(AttributeError):
        _ = gr.themes.Base().no_such_variable


def test_theme_css_accepts_ready_made_names_and_ignores_hub_themes() -> None:
    assert "--primary-500: #6366f1;" in theme_css("soft")
    assert theme_css("gradio/seafoam") == ""
    assert theme_css(None) == ""
    assert gr.Theme is gr.themes.Base


def test_blocks_theme_comes_before_the_apps_own_css() -> None:
    with gr.Blocks(theme=gr.themes.Ocean(), css=".mine { color: red; }") as demo:
        gr.Textbox()
    css = build_config(demo)["css"]
    assert css.index("--primary-500") < css.index(".mine")
    with gr.Blocks() as plain:
        gr.Textbox()
    assert build_config(plain)["css"] is None
