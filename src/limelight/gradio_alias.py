"""Let an unmodified Gradio script run on limelight: ``import gradio`` gives limelight.

Opt-in only (``limelight run --gradio app.py``, or ``install()`` before the script
imports gradio). ``gradio.X`` resolves to ``limelight.X`` where limelight has that module.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import sys
from collections.abc import Sequence
from types import ModuleType

__all__ = ["install"]

ALIAS = "gradio"
TARGET = "limelight"
# Gradio modules whose limelight counterpart lives under another name (limelight groups its
# modules by concern); any other ``gradio.X`` maps to ``limelight.X``.
MODULES = {
    "blocks": "interfaces.blocks",
    "interface": "interfaces.interface",
    "tabbed_interface": "interfaces.tabbed_interface",
    "chat_interface": "interfaces.chat_interface",
    "flagging": "interfaces.flagging",
    "events": "core.events",
    "media": "app.media",
    "renderable": "app.render",
    "oauth": "app.oauth",
    "data_classes": "protocol",
    "routes": "request",
}


def _target(fullname: str) -> str:
    """The limelight module that stands for the Gradio module ``fullname``."""
    rest = fullname[len(ALIAS) :]
    head, _, tail = rest.lstrip(".").partition(".")
    if head in MODULES:
        rest = f".{MODULES[head]}" + (f".{tail}" if tail else "")
    return TARGET + rest


class _AliasLoader(importlib.abc.Loader):
    def __init__(self, target: str) -> None:
        self.target = target

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType:
        return importlib.import_module(self.target)

    def exec_module(self, module: ModuleType) -> None:
        """The target module is already executed."""


class _AliasFinder(importlib.abc.MetaPathFinder):
    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname != ALIAS and not fullname.startswith(ALIAS + "."):
            return None
        real = _target(fullname)
        if importlib.util.find_spec(real) is None:
            return None
        return importlib.machinery.ModuleSpec(fullname, _AliasLoader(real))


def install() -> None:
    """From now on in this process, ``import gradio`` (and its submodules) give limelight."""
    if not any(isinstance(finder, _AliasFinder) for finder in sys.meta_path):
        sys.meta_path.insert(0, _AliasFinder())
