"""Facts about the running limelight: ``gr.NO_RELOAD`` and ``gr.get_package_version()``."""

from __future__ import annotations

from importlib import metadata

from limelight._version import __version__

__all__ = ["NO_RELOAD", "get_package_version"]

NO_RELOAD = True
"""True when the script is not being re-run by a reload watcher. limelight has no reload
mode, so a script always runs once, as in a plain ``python app.py`` under Gradio:
code under ``if gr.NO_RELOAD:`` always runs."""


def get_package_version() -> str:
    """The installed limelight's version."""
    try:
        return metadata.version("limelight")
    except metadata.PackageNotFoundError:  # running from a source tree that is not installed
        return __version__
