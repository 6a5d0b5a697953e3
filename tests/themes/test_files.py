"""Theme files: ``dump``/``load`` and ``to_dict``/``from_dict`` in Gradio's JSON theme format."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import limelight as gr
from limelight.themes.utils.fonts import GoogleFont, LocalFont

GRADIO_FILE: dict[str, Any] = {
    "theme": {
        "_font": [
            {
                "__gradio_font__": True,
                "name": "Quicksand",
                "class": "google",
                "weights": [400, 700],
            },
            "ui-sans-serif",
            "sans-serif",
        ],
        "_font_mono": [
            {"__gradio_font__": True, "name": "IBM Plex Mono", "class": "local", "weights": [400]},
            "monospace",
        ],
        "_font_css": [],
        "_stylesheets": ["https://fonts.example/quicksand.css"],
        "custom_css": ".gradio-container { max-width: 900px; }",
        "font": "'Quicksand', ui-sans-serif, sans-serif",
        "font_mono": "'IBM Plex Mono', monospace",
        "name": "seafoam",
        "primary_500": "#10b981",
        "button_primary_background_fill": "linear-gradient(90deg, *primary_300, *secondary_400)",
        "button_primary_background_fill_dark": "*primary_800",
        "slider_color": "*secondary_300",
        "block_border_width": "3px",
    },
    "gradio_version": "6.31.0",
}
"""A theme file in the form Gradio 6.31's ``Theme.dump`` writes (fonts as tagged objects, the
variables under ``theme``), made for this test; variables it leaves out take Base's values."""


def test_a_gradio_theme_file_loads_with_its_fonts_variables_and_css(tmp_path: Path) -> None:
    path = tmp_path / "seafoam.json"
    path.write_text(json.dumps(GRADIO_FILE), encoding="utf-8")
    theme = gr.themes.Base.load(path)
    assert theme.name == "seafoam"
    assert theme._font == [GoogleFont("Quicksand", (400, 700)), "ui-sans-serif", "sans-serif"]
    assert theme._font_mono[0] == LocalFont("IBM Plex Mono", (400,))
    assert theme.slider_color == "*secondary_300"
    assert theme.block_radius == "*radius_sm"  # left out of the file: Base's value
    css = theme.css()
    assert "--primary-500:#10b981;" in css
    assert "--block-border-width:3px;" in css
    assert css.endswith(".gradio-container { max-width: 900px; }")
    assert "--button-primary-background-fill:var(--primary-800);" in css.split(":root.dark")[1]


def test_dump_and_load_round_trip_every_variable(tmp_path: Path) -> None:
    theme = gr.themes.Neon(primary_hue="rose").set(
        slider_color="red", block_title_text_weight="700", input_shadow_dark="none"
    )
    path = tmp_path / "neon.json"
    theme.dump(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["gradio_version"] == "6.31.0"
    assert data["theme"]["_font"][0] == {
        "__gradio_font__": True,
        "name": "Lexend",
        "class": "local",
        "weights": [400, 600],
    }
    loaded = gr.themes.Base.load(path)
    assert loaded.to_dict() == theme.to_dict()
    assert loaded.css() == theme.css()
    assert gr.themes.Base.from_dict(theme.to_dict()).css() == theme.css()


def test_a_file_from_another_gradio_version_warns() -> None:
    data = {**GRADIO_FILE, "gradio_version": "4.44.0"}
    with pytest.warns(UserWarning, match="made for Gradio 4.44.0"):
        gr.themes.Base.from_dict(data)


def test_variables_a_newer_gradio_added_are_ignored_with_a_warning() -> None:
    data = {**GRADIO_FILE, "theme": {**GRADIO_FILE["theme"], "hologram_glow": "1px"}}
    with pytest.warns(UserWarning, match="hologram_glow"):
        theme = gr.themes.Base.from_dict(data)
    assert "hologram" not in theme.css()


def test_data_that_is_not_a_theme_is_refused() -> None:
    with pytest.raises(ValueError, match="under the key 'theme'"):
        gr.themes.Base.from_dict({"primary_500": "red"})
