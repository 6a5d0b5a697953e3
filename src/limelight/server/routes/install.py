"""What browsers ask for besides the page: ``/favicon.ico`` (``launch(favicon_path=)``) and,
with ``launch(pwa=True)``, the web app manifest that lets them install the app."""

from __future__ import annotations

import mimetypes
from pathlib import Path

from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response
from starlette.routing import Route

from limelight.server.http import error, services

__all__ = ["DEFAULT_ICON", "head_links", "routes"]

DEFAULT_ICON = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16">'
    '<circle cx="8" cy="8" r="7" fill="#84cc16"/></svg>'
)
"""limelight's own icon (the page's default favicon), for the manifest of an app without one."""


def head_links(favicon_path: str | None, pwa: bool) -> str:
    """The ``<head>`` links to the app's favicon and manifest, where the app has them."""
    links = '<link rel="icon" href="./favicon.ico">' if favicon_path else ""
    return links + ('<link rel="manifest" href="./manifest.json">' if pwa else "")


async def favicon(request: Request) -> Response:
    """``GET /favicon.ico``: the file given as ``favicon_path`` (404 without one)."""
    path = services(request).settings.favicon_path
    if path is None or not Path(path).is_file():
        return error(404, "This app has no favicon.")
    media_type = mimetypes.guess_type(path)[0] or "image/x-icon"
    return FileResponse(path, media_type=media_type, headers={"Cache-Control": "no-cache"})


async def manifest(request: Request) -> Response:
    """``GET /manifest.json``: the app's name, icon and start page, with ``pwa=True``."""
    svc = services(request)
    if not svc.settings.pwa:
        return error(404, "This app is not set up as an installable web app (launch(pwa=True)).")
    icon_path = svc.settings.favicon_path
    if icon_path is None:
        icon = {"src": "./pwa_icon.svg", "sizes": "any", "type": "image/svg+xml"}
    else:
        icon_type = mimetypes.guess_type(icon_path)[0] or "image/x-icon"
        sizes = "any" if icon_type == "image/svg+xml" else "192x192 512x512"
        icon = {"src": "./favicon.ico", "sizes": sizes, "type": icon_type}
    body = {
        "name": svc.app.title,
        "icons": [{**icon, "purpose": "any"}],
        "start_url": "./",
        "display": "standalone",
    }
    return JSONResponse(body, media_type="application/manifest+json")


async def pwa_icon(request: Request) -> Response:
    """``GET /pwa_icon.svg``: limelight's icon, for the manifest of an app without a favicon."""
    if not services(request).settings.pwa:
        return error(404, "This app is not set up as an installable web app (launch(pwa=True)).")
    return Response(DEFAULT_ICON, media_type="image/svg+xml")


routes = [
    Route("/favicon.ico", favicon, methods=["GET", "HEAD"]),
    Route("/manifest.json", manifest, methods=["GET"]),
    Route("/pwa_icon.svg", pwa_icon, methods=["GET"]),
]
