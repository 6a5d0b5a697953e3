"""``import limelight`` stays light: no heavy or server libraries until they are needed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

HEAVY = ("numpy", "PIL", "pandas", "matplotlib", "av")
SERVER = ("starlette", "uvicorn")
SRC = Path(__file__).resolve().parent.parent / "src"


def _imported_after(code: str, *, top_level: bool = True) -> set[str]:
    script = f"import sys\n{code}\nimport json\nprint(json.dumps(sorted(sys.modules)))"
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")]),
    }
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True
    )
    names = json.loads(result.stdout.splitlines()[-1])
    return {name.split(".")[0] for name in names} if top_level else set(names)


def test_import_is_light() -> None:
    modules = _imported_after("import limelight")
    assert "limelight" in modules
    assert not modules & {*HEAVY, *SERVER}


def test_components_do_not_need_the_server() -> None:
    modules = _imported_after("import limelight as gr\ngr.Textbox(); gr.Slider(); gr.JSON()")
    assert not modules & {*HEAVY, *SERVER}


def test_building_and_configuring_an_app_stays_free_of_heavy_libraries() -> None:
    code = (
        "import limelight as gr\n"
        "from limelight.app.config import build_config\n"
        "demo = gr.Interface(lambda x: x, 'text', 'json')\n"
        "build_config(demo)"
    )
    assert not _imported_after(code) & set(HEAVY)


def test_only_gr_server_needs_fastapi() -> None:
    mounting = (
        "import limelight as gr\n"
        "from starlette.applications import Starlette\n"
        "gr.mount_gradio_app(Starlette(), gr.Interface(lambda x: x, 'text', 'text'), '/g')"
    )
    assert "fastapi" not in _imported_after(mounting)
    assert "fastapi" in _imported_after("import limelight as gr\ngr.Server()")


def test_gr_server_without_fastapi_names_the_extra() -> None:
    code = (
        "sys.modules['fastapi'] = None  # as if FastAPI were not installed\n"
        "import limelight as gr\n"
        "try:\n"
        "    gr.Server\n"
        "except ImportError as exc:\n"
        "    print(exc)\n"
    )
    script = f"import sys\n{code}"
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True
    )
    assert "limelight[fastapi]" in result.stdout


def test_serving_an_app_builds_no_pydantic_validator_before_a_request_needs_one() -> None:
    # pydantic looks for plugins among every installed distribution when it builds its
    # first validator (tens of ms and ~1 MiB); an app's start-up must not pay for that.
    code = (
        "import limelight as gr\n"
        "from limelight.server.app import create_app\n"
        "create_app(gr.Interface(lambda x: x, 'text', 'text'))"
    )
    assert "pydantic.plugin._loader" not in _imported_after(code, top_level=False)


def test_an_app_imports_only_the_components_it_uses() -> None:
    code = (
        "import limelight as gr\n"
        "from limelight.server.app import create_app\n"
        "create_app(gr.Interface(lambda x: x, 'text', 'text'))"
    )
    modules = _imported_after(code, top_level=False)
    assert "limelight.components.textbox" in modules
    assert not {"limelight.components.gallery", "limelight.components.image_editor"} & modules


def test_the_registry_names_every_component_without_importing_it() -> None:
    code = "from limelight.components import REGISTRY\nassert 'gallery' in REGISTRY"
    assert "limelight.components.gallery" not in _imported_after(code, top_level=False)
