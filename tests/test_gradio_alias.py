"""`limelight run --gradio`: unmodified Gradio scripts import limelight as gradio."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SCRIPT = """
import gradio as gr
from gradio import components
import gradio.events

print(gr.__name__, components.__name__, gr.Textbox is gr.Text)
"""


def test_install_makes_gradio_imports_resolve_to_limelight(tmp_path: Path) -> None:
    script = tmp_path / "app.py"
    script.write_text(SCRIPT)
    code = (
        "from limelight import gradio_alias; gradio_alias.install(); "
        f"exec(open({str(script)!r}).read())"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["limelight", "limelight.components", "True"]


def test_without_install_gradio_is_not_limelight() -> None:
    code = "import limelight, sys; print('gradio' in sys.modules)"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.stdout.strip() == "False"


def test_gradio_theme_modules_resolve(tmp_path: Path) -> None:
    script = tmp_path / "app.py"
    script.write_text(
        "import gradio as gr\n"
        "from gradio.themes.base import Base\n"
        "from gradio.themes.utils import colors, fonts, sizes\n"
        "print(Base is gr.themes.Base, colors.emerald.name, sizes.radius_md.name)\n"
    )
    code = (
        "from limelight import gradio_alias; gradio_alias.install(); "
        f"exec(open({str(script)!r}).read())"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["True", "emerald", "radius_md"]


def test_gradio_module_names_resolve_to_where_limelight_keeps_them(tmp_path: Path) -> None:
    """Gradio's own module names (``gradio.media``, ``gradio.blocks``, ...) find limelight's
    modules, grouped under other names."""
    script = tmp_path / "app.py"
    script.write_text(
        "import gradio as gr\n"
        "from gradio.media import get_image\n"
        "from gradio.blocks import Blocks\n"
        "from gradio.events import SelectData\n"
        "from gradio.flagging import CSVLogger\n"
        "from gradio.data_classes import FileData\n"
        "print(get_image is gr.get_image, Blocks is gr.Blocks, SelectData is gr.SelectData,\n"
        "      CSVLogger is gr.CSVLogger, FileData is gr.FileData)\n"
    )
    code = (
        "from limelight import gradio_alias; gradio_alias.install(); "
        f"exec(open({str(script)!r}).read())"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["True"] * 5
