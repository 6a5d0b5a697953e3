"""The page: ``/`` with the config embedded, and the built frontend's assets."""

from __future__ import annotations

import functools
import html
from pathlib import Path

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from ...config import build_config
from ..http import dumps, services
from .info import root_url

__all__ = ["STATIC_DIR", "routes"]

STATIC_DIR = Path(__file__).resolve().parent.parent.parent / "static"
PLACEHOLDER = "<!--limelight-head-->"
NOT_BUILT = (
    "<!doctype html><title>limelight</title><h1>The limelight frontend is not built</h1>"
    "<p>Run <code>pip install -e .</code> (it builds <code>frontend/</code>) or "
    "<code>npm ci &amp;&amp; npm run build</code> in <code>frontend/</code>. The API works "
    "without it.</p>"
)


@functools.cache
def _template() -> str | None:
    index = STATIC_DIR / "index.html"
    return index.read_text(encoding="utf-8") if index.is_file() else None


def _script_json(value: object) -> str:
    """JSON that cannot end the ``<script>`` element it is embedded in."""
    return dumps(value).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


async def page(request: Request) -> Response:
    """``GET /``: the app's page, config included so it renders without another request."""
    template = _template()
    if template is None:
        return HTMLResponse(NOT_BUILT, status_code=503)
    app = services(request).app
    config = build_config(app, root_url=root_url(request))
    # ``head=`` is the app author's own HTML for their page: added as written, after the
    # config so that its scripts can read ``window.gradio_config``.
    head = (
        f"<title>{html.escape(app.title)}</title>"
        f"<script>window.gradio_config = {_script_json(config)};</script>"
        f"{app.head or ''}"
    )
    return HTMLResponse(template.replace(PLACEHOLDER, head, 1))


async def theme_css(request: Request) -> Response:
    """``GET /theme.css``: themes live in the bundle's CSS; kept for old pages' links."""
    return Response("", media_type="text/css")


routes = [
    Route("/", page, methods=["GET"]),
    Route("/theme.css", theme_css, methods=["GET"]),
    Mount("/assets", app=StaticFiles(directory=STATIC_DIR / "assets", check_dir=False)),
]
