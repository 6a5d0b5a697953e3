"""The page: ``/`` with the config embedded, and the built frontend's assets.

Building the page of a large app (its config, JSON, compression) takes tens of milliseconds,
so each app keeps its built pages, one per root URL and compressed once, until its blocks or
listeners change.
"""

from __future__ import annotations

import functools
import gzip
import html
import json
import re
import weakref
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from limelight.app.blocks_base import BlocksBase
from limelight.app.config import build_config, compact_config, page_config
from limelight.app.table_windows import page_config_values
from limelight.server.http import dumps, root_url, services
from limelight.server.routes import assets, deep_link
from limelight.server.routes.install import head_links

__all__ = ["STATIC_DIR", "inline_styles", "routes"]

STATIC_DIR = Path(__file__).resolve().parent.parent.parent / "static"
PLACEHOLDER = "<!--limelight-head-->"
NOT_BUILT = (
    "<!doctype html><title>limelight</title><h1>The limelight frontend is not built</h1>"
    "<p>Run <code>pip install -e .</code> (it builds <code>frontend/</code>) or "
    "<code>npm ci &amp;&amp; npm run build</code> in <code>frontend/</code>. The API works "
    "without it.</p>"
)
EXPAND = (
    "<script>window.gradio_config=(function(c){var d=c.defaults;delete c.defaults;"
    "c.components=c.components.map(function(b){var t=d.components[b.type]||{};"
    "var o=Object.assign({},t,b);if(t.props)o.props=Object.assign({},t.props,b.props);return o});"
    "c.dependencies=c.dependencies.map(function(x){return Object.assign({},d.dependency,x)});"
    'return c})(JSON.parse(document.getElementById("gradio-config").textContent));</script>'
)
"""Turns the embedded compact config (see ``compact_config``) back into the full one, as
``window.gradio_config``: parsed as JSON, which browsers read faster than a script literal."""
ROOT_URLS_KEPT = 8
"""Built pages kept per app: one per URL the app is reached at (the ``Host`` header comes
from the client, so the cache must not grow with it)."""


STYLESHEET = re.compile(r'<link rel="stylesheet"[^>]*? href="\./assets/([\w.-]+\.css)"[^>]*>')
"""A stylesheet link of the built ``index.html`` (Vite writes them in this form)."""
DEFAULT_ICON_LINK = re.compile(r'<link\s+rel="icon"[^>]*>')
"""The built page's own favicon link, dropped when the app has its own (``favicon_path``)."""


@functools.cache
def _template() -> str | None:
    index = STATIC_DIR / "index.html"
    if not index.is_file():
        return None
    return inline_styles(index.read_text(encoding="utf-8"), assets.ASSETS_DIR)


def inline_styles(template: str, assets_dir: Path) -> str:
    """``template`` with its stylesheet links replaced by the stylesheets themselves.

    The page then draws from its own bytes: the browser need not open another connection and
    wait for the server before it may run the entry script (scripts wait for stylesheets).
    A link is left as it is when its file is missing or names ``url(...)``, which would
    resolve against the page rather than the stylesheet once moved.
    """

    def inline(match: re.Match[str]) -> str:
        path = assets_dir / match[1]
        css = path.read_text(encoding="utf-8") if path.is_file() else "url("
        if "url(" in css:
            return match[0]
        # An escaped slash means the same in CSS and cannot end the element early.
        return "<style>" + css.replace("</style", "<\\/style") + "</style>"

    return STYLESHEET.sub(inline, template)


@functools.cache
def _chunk_map() -> dict[str, list[str]]:
    """The chunk files each component type's module needs (``chunks.json`` of the build)."""
    path = STATIC_DIR / "chunks.json"
    found: dict[str, list[str]] = json.loads(path.read_text("utf-8")) if path.is_file() else {}
    return found


def _preload_links(types: list[str]) -> str:
    """``modulepreload`` links for the modules of ``types``: fetched alongside the entry
    chunk instead of after it has run and asked for them."""
    chunks = _chunk_map()
    files = dict.fromkeys(file for type_ in types for file in chunks.get(type_, []))
    return "".join(f'<link rel="modulepreload" crossorigin href="./{f}">' for f in files)


def _script_json(value: object) -> str:
    """JSON that cannot end the ``<script>`` element it is embedded in."""
    return dumps(value).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


@dataclass(frozen=True)
class BuiltPage:
    """A page as sent: its HTML, and the same compressed once."""

    html: bytes
    gzipped: bytes


class PageCache:
    """The built pages of one app by root URL and page path, valid while the app keeps its
    shape."""

    def __init__(self) -> None:
        self.shape: tuple[int, int, int] = (-1, -1, -1)
        self.configs: dict[str, dict[str, Any]] = {}
        self.pages: OrderedDict[tuple[str, str], BuiltPage] = OrderedDict()

    def config(self, app: BlocksBase, path: str) -> dict[str, Any]:
        """The compact config of the page at ``path``, built again if the app changed."""
        shape = _shape(app)
        if shape != self.shape:
            self.shape = shape
            full = page_config_values(build_config(app, root_url=""))
            self.configs = {p: compact_config(page_config(full, p)) for p in full["page"]}
            self.pages.clear()
        return self.configs[path]

    def get(self, app: BlocksBase, url: str, path: str, template: str, links: str) -> BuiltPage:
        """The page ``path`` of ``app`` at ``url``, built now if the app changed since;
        ``links`` (to the favicon and manifest) go in its ``<head>``."""
        config = self.config(app, path)
        key = (url + links, path)
        page = self.pages.get(key)
        if page is None:
            body = _render(app, {**config, "root": url}, template, links).encode("utf-8")
            page = BuiltPage(body, gzip.compress(body, compresslevel=9, mtime=0))
            self.pages[key] = page
            if len(self.pages) > ROOT_URLS_KEPT * len(self.configs):
                self.pages.popitem(last=False)
        self.pages.move_to_end(key)
        return page


_caches: weakref.WeakKeyDictionary[BlocksBase, PageCache] = weakref.WeakKeyDictionary()


def _shape(app: BlocksBase) -> tuple[int, int, int]:
    """What changes when blocks, listeners or pages are added to the app after it was
    served."""
    return len(app.walk()), len(app.fns), len(app.pages)


def _render(app: BlocksBase, config: dict[str, Any], template: str, links: str) -> str:
    # ``head=`` is the app author's own HTML for their page: added as written, after the
    # config so that its scripts can read ``window.gradio_config``.
    types = sorted({component["type"] for component in config["components"]})
    if 'rel="icon"' in links:
        template = DEFAULT_ICON_LINK.sub("", template, count=1)
    head = (
        f"<title>{html.escape(app.title)}</title>"
        f"{links}"
        f"{_preload_links(types)}"
        f'<script type="application/json" id="gradio-config">{_script_json(config)}</script>'
        f"{EXPAND}"
        f"{app.head or ''}"
    )
    return template.replace(PLACEHOLDER, head, 1)


async def page(request: Request) -> Response:
    """``GET /``: the app's page, config included so it renders without another request."""
    return await _page(request, "")


async def other_page(request: Request) -> Response:
    """``GET /<path>``: a page added with ``Blocks.route`` (404 for any other path)."""
    path = request.path_params["path"]
    if path not in services(request).app.page_index.paths():
        raise HTTPException(404)  # answered like any unknown path (the app's 404 handler)
    if request.url.path.endswith("/"):
        # As in Gradio: one URL per page, so that relative links resolve the same way.
        return RedirectResponse(f"../{path}", status_code=301)
    return await _page(request, path)


async def _page(request: Request, path: str) -> Response:
    template = _template()
    if template is None:
        return HTMLResponse(NOT_BUILT, status_code=503)
    svc = services(request)
    app, settings = svc.app, svc.settings
    links = head_links(settings.favicon_path, settings.pwa)
    cache = _caches.setdefault(app, PageCache())
    if "deep_link" in request.query_params:
        # A page with one session's values is built for this request only.
        config = await deep_link.restore(request, cache.config(app, path))
        body = _render(app, {**config, "root": root_url(request)}, template, links)
        return HTMLResponse(body)
    built = cache.get(app, root_url(request), path, template, links)
    headers = {"Vary": "Accept-Encoding"}
    if "gzip" in request.headers.get("accept-encoding", ""):
        headers["Content-Encoding"] = "gzip"
        return HTMLResponse(built.gzipped, headers=headers)
    return HTMLResponse(built.html, headers=headers)


async def theme_css(request: Request) -> Response:
    """``GET /theme.css``: themes live in the bundle's CSS; kept for old pages' links."""
    return Response("", media_type="text/css")


routes = [
    Route("/", page, methods=["GET"]),
    Route("/theme.css", theme_css, methods=["GET"]),
    *assets.routes,
    # Last: a page path is one segment that no route above claims (see ``app/_pages.py``).
    Route("/{path:str}", other_page, methods=["GET"]),
    Route("/{path:str}/", other_page, methods=["GET"]),
]
