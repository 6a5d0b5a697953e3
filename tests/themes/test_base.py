"""Themes: hues, sizes, fonts and ``set()`` become the page's CSS variables, by Gradio's names."""

from __future__ import annotations

import warnings
from collections.abc import Iterable

import pytest

import limelight as gr
from limelight.app.config import build_config
from limelight.themes import Base, colors, fonts, resolve, sizes, theme_css
from limelight.themes.variables import BASE, NAMES


def test_primary_hue_by_name_sets_the_shades_and_what_refers_to_them() -> None:
    css = gr.themes.Default(primary_hue="red").css()
    assert "--primary-500:#ef4444;" in css
    assert "--secondary-500:#3b82f6;" in css  # Default's secondary hue: blue
    assert "--button-primary-background-fill:var(--primary-500);" in css


def test_every_documented_variable_is_declared_in_light_and_dark() -> None:
    theme = gr.themes.Base()
    light, dark = theme.css().split(":root.dark", 1)
    for name in BASE:
        assert f"--{name.replace('_', '-')}:" in light, name
    assert "--body-text-color:var(--neutral-100);" in dark
    assert len(NAMES) == 267  # the keyword arguments of Gradio 6.31's Theme.set()


def test_font_and_sizes_reach_their_variables_and_fetch_nothing() -> None:
    theme = gr.themes.Base(
        font=[gr.themes.GoogleFont("Inconsolata"), "Arial", "sans-serif"],
        radius_size="none",
        spacing_size=sizes.spacing_lg,
    )
    css = theme.css()
    assert "--font:'Inconsolata', Arial, sans-serif;" in css
    assert "--radius-md:0px;" in css
    assert "--spacing-xxl:28px;" in css
    assert theme.font == "'Inconsolata', Arial, sans-serif"
    # pages work offline: no stylesheet from Google, the stack falls back to Arial
    assert "googleapis" not in css and "@import" not in css and "@font-face" not in css


def test_set_resolves_references_and_applies_dark_twins() -> None:
    theme = gr.themes.Soft().set(
        button_primary_background_fill="linear-gradient(90deg, *primary_300, *secondary_400)",
        button_primary_background_fill_dark="*primary_800",
        body_text_color="#111111",
    )
    light, dark = theme.css().split(":root.dark", 1)
    gradient = "linear-gradient(90deg, var(--primary-300), var(--secondary-400))"
    assert f"--button-primary-background-fill:{gradient};" in light
    assert "--button-primary-background-fill:var(--primary-800);" in dark
    assert "--body-text-color:#111111;" in light
    assert "@media (prefers-color-scheme: dark)" in dark  # dark also without ?__theme=dark


def test_set_refuses_unknown_variables_and_dark_references() -> None:
    with pytest.raises(TypeError, match="did you mean 'button_primary_background_fill'"):
        gr.themes.Base().set(button_primary_fill="red")
    with pytest.raises(TypeError, match="color_accent_dark"):
        gr.themes.Base().set(color_accent_dark="red")  # Gradio has no dark twin for it
    with pytest.raises(ValueError, match="dark value"):
        gr.themes.Base().set(slider_color="*primary_500_dark")
    with pytest.raises(ValueError, match="refers to itself"):
        gr.themes.Base().set(slider_color_dark="*slider_color")


def test_a_light_value_set_alone_keeps_the_documented_dark_twin() -> None:
    theme = gr.themes.Base().set(block_border_color="red", slider_color="blue")
    assert theme.block_border_color_dark == "*border_color_primary"  # explicit twin kept
    assert theme.slider_color_dark is None  # no twin value: dark follows the light one
    dark = theme.css().split(":root.dark", 1)[1]
    assert "--block-border-color:var(--border-color-primary);" in dark
    assert "--slider-color:" not in dark


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
    assert "--text-md:16px;" in theme.css()
    theme.block_title_text_weight = "700"  # attributes are the variables, as in Gradio
    assert "--block-title-text-weight:700;" in theme.css()


def test_unknown_names_are_clear_errors() -> None:
    with pytest.raises(ValueError, match="Unknown colour 'chartreuse'"):
        gr.themes.Base(primary_hue="chartreuse")
    with pytest.raises(ValueError, match="Unknown radius size"):
        gr.themes.Base(radius_size="huge")
    with pytest.raises(AttributeError):
        _ = gr.themes.Base().no_such_variable


def test_theme_names_resolve_to_ready_made_themes() -> None:
    soft = resolve("soft")
    assert isinstance(soft, gr.themes.Soft)
    assert isinstance(resolve("Neon"), gr.themes.Neon)
    assert isinstance(resolve("gradio/monochrome"), gr.themes.Monochrome)
    assert "--primary-500:#6366f1;" in theme_css(soft)
    assert resolve(None) is None and theme_css(None) == ""
    assert gr.Theme is gr.themes.Base


def test_a_hub_theme_warns_and_keeps_the_default_look() -> None:
    with pytest.warns(UserWarning, match="does not download themes from the Hugging Face Hub"):
        demo = gr.Blocks(theme="gradio/seafoam")
    assert demo.theme is None
    with pytest.raises(ValueError, match="gradio/seafoam"):
        gr.themes.Base.from_hub("gradio/seafoam")
    assert isinstance(gr.themes.Base.from_hub("gradio/soft@>=0.0.1"), gr.themes.Soft)


def test_builder_and_push_to_hub_say_they_are_not_supported() -> None:
    with pytest.raises(NotImplementedError, match="builder"):
        gr.themes.builder()
    with pytest.raises(NotImplementedError, match="Hugging Face Hub"):
        gr.themes.Soft().push_to_hub("my-theme")


def test_blocks_theme_comes_before_the_apps_own_css() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with gr.Blocks(theme=gr.themes.Ocean(), css=".mine { color: red; }") as demo:
            gr.Textbox()
    config = build_config(demo)
    assert config["css"].index("--primary-500") < config["css"].index(".mine")
    assert config["theme"] == "ocean"
    with gr.Blocks() as plain:
        gr.Textbox()
    assert build_config(plain)["css"] is None
    assert build_config(plain)["theme"] == "default"
