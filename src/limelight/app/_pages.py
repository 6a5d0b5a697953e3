"""Pages of a multipage app: ``with demo.route("Settings", "/settings"):``.

An app has one page (path ``""``, named "Home") until ``Blocks.route`` adds more. Each page
holds the blocks placed at the app's top level while it was the current page, and the
listeners registered then; the server answers ``/<path>`` with a config holding only that
page's blocks and listeners, as Gradio does. ``fn_index`` values and endpoint names stay
those of the whole app, so API clients see one app.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from limelight.components.navbar import Navbar
from limelight.core.block import Block, BlockContext
from limelight.core.dependency import Dependency

__all__ = ["RESERVED_PATHS", "Page", "PageIndex", "page_path"]

Page = tuple[str, str, bool]
"""``(path, name, show_in_navbar)``, as the config's ``pages`` lists it."""

RESERVED_PATHS = frozenset(
    {
        "assets",
        "config",
        "favicon.ico",
        "file",
        "gradio_api",
        "login",
        "login_check",
        "logout",
        "manifest.json",
        "monitoring",
        "robots.txt",
        "static",
        "theme.css",
    }
)
"""First path segments the server answers itself: a page may not take them."""

_PATH = re.compile(r"^[a-zA-Z0-9\-._~!$&'()*+,;=:@\[\]]+$")


def _slug(name: str) -> str:
    """The path Gradio makes of a page name: ASCII letters (accents dropped), digits and
    ``_`` kept, lower case, runs of spaces and hyphens made one hyphen, other characters
    dropped (``"My Page"`` -> ``my-page``, ``"cached_examples"`` stays as it is)."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    kept = re.sub(r"[^\w\s-]", "", ascii_name.lower()).strip()
    return re.sub(r"[-\s]+", "-", kept).strip("-")


def page_path(name: str, path: str | None, taken: list[str]) -> str:
    """The URL path of a new page named ``name``: ``path`` without its slashes, else made
    from the name; prefixed with ``_`` until no other page or server route has it."""
    if path:
        path = path.strip("/")
        if not _PATH.match(path):
            raise ValueError(
                f"Page path {path!r} may only hold letters, digits and -._~!$&'()*+,;=:@[]"
            )
        if path in RESERVED_PATHS:
            raise ValueError(f"The path {path!r} is the server's own; choose another page path")
    else:
        path = _slug(name)
        if not path:
            raise ValueError(f"Cannot make a page path from the name {name!r}; give path=")
    while path in RESERVED_PATHS or path in taken:
        path = "_" + path
    return path


class PageIndex:
    """Which page each top-level block of an app belongs to."""

    def __init__(self) -> None:
        self.pages: list[Page] = [("", "Home", True)]
        self.current = ""
        """The page that top-level blocks and listeners created now belong to."""
        self._top: dict[int, str] = {}

    def add(self, name: str, path: str | None, show_in_navbar: bool) -> str:
        """Add a page and make it current; returns its path."""
        path = page_path(name, path, [p for p, _, _ in self.pages])
        self.pages.append((path, name, show_in_navbar))
        self.current = path
        return path

    def place(self, block: Block) -> None:
        """``block`` was just placed at the app's top level, on the current page."""
        self._top[block.id] = self.current

    def of(self, root: BlockContext, block: Block) -> str | None:
        """The page ``block`` is on (None when it is not placed in ``root``)."""
        while block.parent is not None and block.parent is not root:
            block = block.parent
        return self._top.get(block.id) if block.parent is root else None

    def check_navbars(self, root: BlockContext) -> None:
        """Raise ``ValueError`` if a page holds more than one ``gr.Navbar``, as Gradio does:
        the bar of a page has one set of options."""
        seen: set[str | None] = set()
        for block in root.walk():
            if isinstance(block, Navbar):
                page = self.of(root, block)
                if page in seen:
                    raise ValueError(
                        f"Only one gr.Navbar may be on a page; page {page or 'Home'!r} has "
                        "more. Give its options to one Navbar."
                    )
                seen.add(page)

    def paths(self) -> list[str]:
        """Every page's path, the main page (``""``) first."""
        return [path for path, _, _ in self.pages]

    def sections(
        self, root: BlockContext, blocks: list[Block], fns: list[Dependency]
    ) -> dict[str, dict[str, Any]]:
        """Each page's ``layout``, ``components`` and ``dependencies`` (ids), as Gradio's
        config ``page`` holds them. A block placed nowhere (a corner button) belongs to
        the pages whose listeners use it."""
        found: dict[str, dict[str, Any]] = {
            path: {"layout": {"id": 0, "children": []}, "components": [], "dependencies": []}
            for path in self.paths()
        }
        for child in root.children:
            section = found[self._top.get(child.id, "")]
            node = child.layout() if isinstance(child, BlockContext) else {"id": child.id}
            section["layout"]["children"].append(node)
        used: dict[int, set[str]] = {}
        for dep in fns:
            found[dep.page]["dependencies"].append(dep.id)
            for block, _ in dep.targets:
                if isinstance(block, Block):
                    used.setdefault(block.id, set()).add(dep.page)
            for block in (*dep.inputs, *dep.outputs):
                used.setdefault(block.id, set()).add(dep.page)
        for block in blocks:
            page = self.of(root, block)
            for path in [page] if page is not None else sorted(used.get(block.id, {""})):
                found[path]["components"].append(block.id)
        return found
