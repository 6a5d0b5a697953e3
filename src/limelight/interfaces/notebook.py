"""Apps launched in a Jupyter notebook (an IPython kernel): ``launch()`` returns at once and
shows the app under the cell, in an ``<iframe>``; running the cell again replaces the app it
launched before (closed, and its port reused), as does a launch on a port an app of this
kernel already serves.

IPython is never imported here: a kernel has imported it already, and a script without one
does not pay for it.
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Callable
from typing import Any, Protocol

__all__ = ["NotebookApps", "in_notebook", "show_inline"]


class _Served(Protocol):
    """What the registry needs of an app: where it serves, and how to stop it."""

    server_name: str | None
    server_port: int | None

    def close(self, verbose: bool = True) -> None: ...


def _kernel_shell() -> Any | None:
    """The shell of the IPython kernel running this code, or None outside a notebook (a plain
    script, or IPython in a terminal, which has no kernel to show an app in)."""
    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython is not None else None
    if shell is None or getattr(shell, "kernel", None) is None:
        return None
    return shell


def in_notebook() -> bool:
    """Whether this code runs in a Jupyter kernel."""
    return _kernel_shell() is not None


def _cell_key() -> str | None:
    """The cell being run: the id the notebook's front end sends (JupyterLab, VS Code), else
    a digest of its code (a runner such as nbclient sends no id)."""
    shell = _kernel_shell()
    if shell is None:
        return None
    request = shell.kernel.get_parent() or {}
    cell_id = (request.get("metadata") or {}).get("cellId")
    if isinstance(cell_id, str) and cell_id:
        return cell_id
    code = (request.get("content") or {}).get("code")
    return hashlib.sha256(code.encode()).hexdigest() if isinstance(code, str) else None


class NotebookApps:
    """The apps this kernel launched, by the cell that launched them."""

    def __init__(self) -> None:
        self.by_cell: dict[str, _Served] = {}

    def replace(self, host: str, port: int | None) -> int | None:
        """Close the app the running cell launched before and any app of this kernel on
        ``host:port``; return the port to serve on (the closed app's, when none is given)."""
        key = _cell_key()
        previous = self.by_cell.pop(key, None) if key is not None else None
        if previous is not None:
            port = port if port is not None else previous.server_port
            previous.close(verbose=False)
        for cell, app in list(self.by_cell.items()):
            if port is not None and (app.server_name, app.server_port) == (host, port):
                del self.by_cell[cell]
                app.close(verbose=False)
        return port

    def launched(self, app: _Served) -> None:
        """Remember ``app`` as the running cell's."""
        key = _cell_key()
        if key is not None:
            self.by_cell[key] = app


def show_inline(url: str, width: int | str, height: int) -> None:
    """Show the app at ``url`` under the running cell."""
    from IPython import display as ipython  # a kernel has IPython loaded already

    show: Callable[[object], object] = ipython.display  # untyped in IPython
    show(ipython.IFrame(src=url, width=width, height=height))
