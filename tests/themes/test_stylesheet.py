"""The frontend's stylesheet reads every theme variable Gradio documents: a theme's ``set()``
restyles what the variable names, in light and dark mode (dark twins redeclare the same
variable, so one reading serves both)."""

from __future__ import annotations

import re
from pathlib import Path

import limelight as gr
from limelight.themes.variables import BASE

FRONTEND = Path(__file__).resolve().parents[2] / "frontend" / "src"

NOT_APPLICABLE = {
    "embed_radius": "the corner radius of an app embedded with Gradio's <gradio-app> web "
    "component; limelight pages are not embedded that way, so there is no embed frame to round",
}
"""Documented variables limelight's page has nothing to apply to, each with the reason."""


def _read_variables() -> set[str]:
    css = "".join(path.read_text("utf-8") for path in FRONTEND.rglob("*.css"))
    return set(re.findall(r"var\(--([a-z0-9-]+)", css))


def test_every_documented_variable_styles_the_page() -> None:
    read = _read_variables()
    unread = sorted(
        name for name in BASE if name.replace("_", "-") not in read and name not in NOT_APPLICABLE
    )
    assert unread == [], f"theme variables no rule reads: {unread}"
    assert {"font", "font-mono"} <= read


def test_exceptions_are_real_variables_that_stay_unread() -> None:
    read = _read_variables()
    for name in NOT_APPLICABLE:
        assert name in BASE
        assert name.replace("_", "-") not in read


def test_a_theme_switches_checkboxes_from_native_to_drawn() -> None:
    assert "--checkbox-appearance:none;" in gr.themes.Base().css()
    css = (FRONTEND / "components" / "choices.css").read_text("utf-8")
    assert "appearance: var(--checkbox-appearance, auto);" in css
