"""Embedding the app in another page (README "Embedding"): ``/gradio_api/embed.js``, the web
component (``<gradio-app src=...>``), and ``/gradio_api/embed/mount.js``, the module through which
an element loads this app's own page code.

The page's code is the built entry chunk, whose name carries a hash; ``mount.js`` names it (and
the page's stylesheets) relative to itself, so an app served under a path prefix embeds as well.
Both answers are revalidated on each use (``no-cache``): they change when limelight is upgraded.
A page on another origin reads them only where ``server/origin.py`` grants that origin.
"""

from __future__ import annotations

import functools
import json
import re

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from limelight.server.routes.assets import ASSETS_DIR
from limelight.server.routes.page import STATIC_DIR

__all__ = ["routes"]

JAVASCRIPT = "text/javascript; charset=utf-8"
REVALIDATE = {"Cache-Control": "no-cache"}
PAGE_STYLESHEET = re.compile(r'<link rel="stylesheet"[^>]*? href="\./assets/([\w.-]+\.css)"')
MISSING = "The browser frontend is not built: this app cannot be embedded."


@functools.cache
def _mount_module() -> str | None:
    """The text of ``mount.js``, or None when the frontend is not built."""
    index = STATIC_DIR / "index.html"
    entries = sorted(ASSETS_DIR.glob("main-*.js")) if ASSETS_DIR.is_dir() else []
    if not index.is_file() or len(entries) != 1:
        return None
    sheets = PAGE_STYLESHEET.findall(index.read_text(encoding="utf-8"))
    urls = ", ".join(
        f"new URL({json.dumps('../../assets/' + s)}, import.meta.url).href" for s in sheets
    )
    return (
        f"export {{ mount }} from {json.dumps('../../assets/' + entries[0].name)};\n"
        f"export const stylesheets = [{urls}];\n"
    )


async def embed_script(request: Request) -> Response:
    """``GET /gradio_api/embed.js``: the ``<gradio-app>`` / ``<limelight-app>`` elements."""
    path = STATIC_DIR / "embed.js"
    if not path.is_file():
        return PlainTextResponse(MISSING, status_code=404)
    return Response(path.read_bytes(), media_type=JAVASCRIPT, headers=REVALIDATE)


async def mount_script(request: Request) -> Response:
    """``GET /gradio_api/embed/mount.js``: re-exports the page's ``mount`` and stylesheets."""
    module = _mount_module()
    if module is None:
        return PlainTextResponse(MISSING, status_code=404)
    return Response(module, media_type=JAVASCRIPT, headers=REVALIDATE)


routes = [
    Route("/gradio_api/embed.js", embed_script, methods=["GET", "HEAD"]),
    Route("/gradio_api/embed/mount.js", mount_script, methods=["GET", "HEAD"]),
]
