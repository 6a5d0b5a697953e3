"""The two libraries under test: which Python runs each, and the Gradio environment."""

from __future__ import annotations

import compileall
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "GRADIO_VERSION",
    "REPO",
    "UI",
    "clean_env",
    "default_gradio_venv",
    "ensure_gradio",
    "limelight_ui",
    "quiet",
]

REPO = Path(__file__).resolve().parent.parent
GRADIO_VERSION = "6.31.0"
QUIET_ENV = {
    "GRADIO_ANALYTICS_ENABLED": "False",
    "HF_HUB_DISABLE_TELEMETRY": "1",
    "HF_HUB_OFFLINE": "1",
    "GRADIO_SSR_MODE": "False",
    "PYTHONDONTWRITEBYTECODE": "1",
}
"""No telemetry, no update checks, no Node server: nothing may leave the machine."""


@dataclass(frozen=True)
class UI:
    """A library under test: ``name`` is what the apps import as ``gr``."""

    name: str
    python: str
    pythonpath: str

    def env(self, **extra: str) -> dict[str, str]:
        """The environment of a subprocess running this library."""
        env = clean_env()
        env.update(BENCH_UI=self.name, PYTHONPATH=self.pythonpath, **extra)
        return env


def clean_env() -> dict[str, str]:
    """This process's environment without PYTHONPATH, with telemetry switched off."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "BENCH_UI")}
    env.update(QUIET_ENV)
    return env


def quiet() -> None:
    """Telemetry off in this process too: the suite runs ``gradio_client`` in it."""
    os.environ.update(QUIET_ENV)


def limelight_ui() -> UI:
    """limelight from this worktree's ``src/``, run by the Python running the suite.

    Its modules are byte-compiled first, as pip does when it installs a package (and as
    Gradio's environment is): the servers run with ``PYTHONDONTWRITEBYTECODE``, so without
    this every start-up would time the compiler on ~180 modules (about 0.2 s), which no
    installed copy pays.
    """
    src = REPO / "src"
    compileall.compile_dir(src / "limelight", quiet=1)
    return UI("limelight", sys.executable, str(src))


def default_gradio_venv() -> Path:
    """``$BENCH_GRADIO_VENV`` or ``.bench-venv-gradio/`` in the repository (git-ignored)."""
    return Path(os.environ.get("BENCH_GRADIO_VENV") or REPO / ".bench-venv-gradio")


def _installed_version(python: Path) -> str | None:
    if not python.exists():
        return None
    probe = subprocess.run(
        [str(python), "-c", "import importlib.metadata as m; print(m.version('gradio'))"],
        capture_output=True,
        text=True,
        env=clean_env(),
        check=False,
    )
    return probe.stdout.strip() if probe.returncode == 0 else None


def ensure_gradio(venv: Path) -> UI:
    """Gradio 6.31 in its own virtual environment, created with pip when missing."""
    python = venv / "bin" / "python"
    if _installed_version(python) != GRADIO_VERSION:
        print(f"* installing gradio=={GRADIO_VERSION} into {venv} (once; a few minutes)")
        if not python.exists():
            subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run(
            [str(python), "-m", "pip", "install", "-q", f"gradio=={GRADIO_VERSION}"],
            check=True,
        )
    return UI("gradio", str(python), "")
