"""``/assets/...``: the built frontend's files, read and compressed once.

Their names carry a hash of their content, so they never change while the server runs:
each is kept in memory as sent (gzipped when that pays) and may be cached by browsers for
good. Only files the build wrote can be asked for; any other name is a 404.
"""

from __future__ import annotations

import functools
import gzip
import mimetypes
from dataclasses import dataclass
from pathlib import Path

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

__all__ = ["ASSETS_DIR", "asset", "routes"]

ASSETS_DIR = Path(__file__).resolve().parent.parent.parent / "static" / "assets"
COMPRESSIBLE = (".js", ".css", ".json", ".svg", ".map", ".txt")
IMMUTABLE = "public, max-age=31536000, immutable"


@dataclass(frozen=True)
class Asset:
    """One built file as sent: its bytes, gzipped copy (if worth it) and media type."""

    body: bytes
    gzipped: bytes | None
    media_type: str


@functools.cache
def _names() -> frozenset[str]:
    """The files of the build, by path below ``assets/``."""
    if not ASSETS_DIR.is_dir():
        return frozenset()
    return frozenset(
        p.relative_to(ASSETS_DIR).as_posix() for p in ASSETS_DIR.rglob("*") if p.is_file()
    )


@functools.cache
def _load(name: str) -> Asset:
    body = (ASSETS_DIR / name).read_bytes()
    media_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    if media_type.startswith("text/") or media_type.endswith("javascript"):
        media_type += "; charset=utf-8"
    gzipped = None
    if name.endswith(COMPRESSIBLE) and len(body) > 1024:
        gzipped = gzip.compress(body, compresslevel=9, mtime=0)
    return Asset(body, gzipped, media_type)


async def asset(request: Request) -> Response:
    """``GET /assets/{name}``: a built file, gzipped when the client accepts it."""
    name = request.path_params["name"]
    if name not in _names():
        return PlainTextResponse("Not Found", status_code=404)
    found = _load(name)
    headers = {"Cache-Control": IMMUTABLE, "Vary": "Accept-Encoding"}
    body = found.body
    if found.gzipped is not None and "gzip" in request.headers.get("accept-encoding", ""):
        headers["Content-Encoding"] = "gzip"
        body = found.gzipped
    return Response(body, media_type=found.media_type, headers=headers)


routes = [Route("/assets/{name:path}", asset, methods=["GET", "HEAD"])]
