"""``limelight run``: a script that mounts its app in its own server is not launched again."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from benchmarks.compat.servers import printed_app_url

from limelight.cli.run import run_file
from limelight.interfaces.blocks import Blocks

MOUNTING_SCRIPT = """
from starlette.applications import Starlette
import limelight as gr

demo = gr.Interface(lambda text: text, "textbox", "textbox")
app = gr.mount_gradio_app(Starlette(), demo, path="/gradio")
"""


def test_an_app_the_script_mounted_is_left_to_its_host(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    launched: list[Blocks] = []

    def launch(self: Blocks, *args: Any, **kwargs: Any) -> None:
        launched.append(self)

    monkeypatch.setattr(Blocks, "launch", launch)
    script = tmp_path / "app.py"
    script.write_text(MOUNTING_SCRIPT)
    run_file(script, host=None, port=None, demo_name="demo")
    assert launched == []
    script.write_text(MOUNTING_SCRIPT.split("app = ")[0])  # the same app, not mounted
    run_file(script, host=None, port=None, demo_name="demo")
    assert len(launched) == 1


def test_the_compat_harness_finds_an_app_served_under_a_path() -> None:
    log = "Open http://localhost:8123/myapp/gradio/\nINFO: Uvicorn running on ...\n"
    assert printed_app_url(log, 8123) == "http://127.0.0.1:8123/myapp/gradio/"
    assert printed_app_url("* Running on local URL:  http://127.0.0.1:8123/", 8123) is None
    assert printed_app_url("Open http://localhost:9999/other/", 8123) is None
    mcp = "* MCP server (streamable HTTP): http://127.0.0.1:8123/gradio_api/mcp/"
    assert printed_app_url(mcp, 8123) is None
