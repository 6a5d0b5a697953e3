"""Facts about the running limelight: ``gr.NO_RELOAD`` and ``gr.get_package_version()``."""

from __future__ import annotations

import sys
from importlib import metadata

from limelight._version import __version__

__all__ = ["NO_RELOAD", "get_package_version", "set_no_reload"]

NO_RELOAD = True
"""True unless ``limelight dev`` is re-running the app's file after an edit: code under
``if gr.NO_RELOAD:`` (loading a model, opening a database) runs on the first run only, and
on every run of a plain ``python app.py`` or ``limelight run``."""


def set_no_reload(value: bool) -> None:
    """Set ``gr.NO_RELOAD``: here, and in the ``limelight`` namespace, which keeps a name
    once it has been looked up."""
    global NO_RELOAD
    NO_RELOAD = value
    namespace = sys.modules.get("limelight")
    if namespace is not None and "NO_RELOAD" in vars(namespace):
        vars(namespace)["NO_RELOAD"] = value


def get_package_version() -> str:
    """The installed limelight's version."""
    try:
        return metadata.version("limelight")
    except metadata.PackageNotFoundError:  # running from a source tree that is not installed
        return __version__
