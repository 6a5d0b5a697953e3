"""Hatchling build hook: build the browser frontend into the package when it is missing.

The bundle (``src/limelight/static/``) is not committed. Building a wheel, an sdist or an
editable install (``pip install -e .``) from a fresh clone runs ``npm ci`` (when
``frontend/node_modules`` is missing) and ``npm run build`` in ``frontend/``. A wheel, or a wheel
built from an sdist, ships the bundle prebuilt, so installing one needs no Node.js.

Set ``LIMELIGHT_SKIP_FRONTEND=1`` to skip the step (the server then has no page to serve).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

__all__ = ["FrontendBuildHook"]


class FrontendBuildHook(BuildHookInterface):  # type: ignore[type-arg]
    """Run the frontend build before hatchling collects ``src/limelight/static/**``."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        root = Path(self.root)
        index = root / "src" / "limelight" / "static" / "index.html"
        if index.exists() or os.environ.get("LIMELIGHT_SKIP_FRONTEND") == "1":
            return
        frontend = root / "frontend"
        if not (frontend / "package.json").exists():
            raise RuntimeError(
                f"limelight: the frontend bundle {index} is missing and there is no "
                f"{frontend / 'package.json'} to build it from."
            )
        npm = shutil.which("npm")
        if npm is None:
            raise RuntimeError(
                "limelight: building the browser frontend needs npm (Node.js 20.19 or newer), "
                "and npm was not found on PATH. Install Node.js, or install a prebuilt limelight "
                "wheel, or set LIMELIGHT_SKIP_FRONTEND=1 to build without the web page."
            )
        if not (frontend / "node_modules").exists():
            self._run([npm, "ci"], frontend)
        self._run([npm, "run", "build"], frontend)
        if not index.exists():
            raise RuntimeError(f"limelight: `npm run build` finished but {index} was not written.")

    def _run(self, command: list[str], cwd: Path) -> None:
        self.app.display_info(f"limelight: running `npm {' '.join(command[1:])}` in {cwd}")
        result = subprocess.run(command, cwd=cwd, check=False)
        if result.returncode != 0:
            shown = " ".join(command)
            code = result.returncode
            raise RuntimeError(f"limelight: `{shown}` failed (exit code {code}) in {cwd}.")
