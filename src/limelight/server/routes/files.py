"""Files over HTTP: ``upload``, ``upload_progress`` and ``file=<path>`` (docs/protocol.md §7).

Only files in the store or under ``allowed_paths`` (and not under ``blocked_paths``) are
served; any other path gets the same 403 whether or not it exists. Types a browser could
run as a page (HTML, SVG, JavaScript, XML, anything unknown) are sent as attachments, and
every file carries ``nosniff`` and a sandboxing CSP, so an uploaded file never runs as
the app's origin (docs/security.md #22). Byte ranges work for seeking (at most 100 ranges a
request). A remote store's file (``FileStore.remote``) that this process holds no local copy
of is streamed from the store, one byte range at most (a request for several gets the
whole file, as HTTP allows).
"""

from __future__ import annotations

import asyncio
import mimetypes
from collections.abc import AsyncIterator
from urllib.parse import quote

from starlette.requests import Request
from starlette.responses import FileResponse, Response, StreamingResponse
from starlette.routing import Route

from limelight.files.access import FileNotAllowed
from limelight.files.store import FileStore
from limelight.server.http import error, json_response, services, sse
from limelight.server.routes.queue import SSE_HEADERS
from limelight.server.services import Services
from limelight.server.uploads import UploadError, receive_upload

__all__ = ["INLINE_TYPES", "byte_range", "routes"]

INLINE_TYPES = frozenset(
    {
        "image/png",
        "image/jpeg",
        "image/gif",
        "image/webp",
        "image/avif",
        "image/bmp",
        "image/x-icon",
        "image/vnd.microsoft.icon",
        "audio/mpeg",
        "audio/wav",
        "audio/x-wav",
        "audio/ogg",
        "audio/webm",
        "audio/flac",
        "audio/aac",
        "audio/mp4",
        "video/mp4",
        "video/webm",
        "video/ogg",
        "video/quicktime",
        "text/plain",
        "text/csv",
        "text/vtt",
        "application/json",
        "application/pdf",
    }
)
"""Types shown in the browser; every other type is downloaded as an attachment."""
SAFE_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "sandbox; default-src 'none'; img-src 'self'; media-src 'self'",
    "Cache-Control": "private, max-age=3600",
}
PROGRESS_POLL = 0.1
PROGRESS_WAIT = 10.0
"""How long ``upload_progress`` waits for an upload it does not know yet to start."""


async def upload(request: Request) -> Response:
    """``POST /gradio_api/upload``: store the parts named ``files``; answers their paths."""
    svc = services(request)
    upload_id = request.query_params.get("upload_id") or None
    length = request.headers.get("content-length")
    if upload_id:
        await svc.uploads.start(upload_id, int(length) if length and length.isdigit() else None)
    try:
        paths = await receive_upload(
            request.stream(),
            request.headers.get("content-type"),
            length,
            svc.files.store,
            svc.settings.max_file_size,
            svc.uploads,
            upload_id,
        )
    except UploadError as exc:
        # Close the connection: a client still sending a refused body is cut off.
        headers = {"Connection": "close"}
        return Response(str(exc), status_code=exc.status, media_type="text/plain", headers=headers)
    finally:
        if upload_id:
            await svc.uploads.finish(upload_id)
    return json_response([str(p) for p in paths])


async def _progress_events(svc: Services, upload_id: str) -> AsyncIterator[str]:
    waited = 0.0
    last = -1
    while True:
        state = await svc.uploads.get(upload_id)
        if state is None:
            if waited >= PROGRESS_WAIT:
                yield sse({"msg": "error", "message": "Unknown upload id."})
                return
        else:
            received, total, done = state
            if received != last:
                last = received
                yield sse({"msg": "progress", "received": received, "total": total})
            if done:
                await svc.uploads.forget(upload_id)
                yield sse({"msg": "done"})
                return
        await asyncio.sleep(PROGRESS_POLL)
        waited += PROGRESS_POLL


async def upload_progress(request: Request) -> Response:
    """``GET /gradio_api/upload_progress?upload_id=``: an upload's bytes received, as SSE."""
    upload_id = request.query_params.get("upload_id")
    if not upload_id:
        return error(422, "Query parameter 'upload_id' is required.")
    return StreamingResponse(
        _progress_events(services(request), upload_id),
        media_type="text/event-stream",
        headers=SSE_HEADERS,
    )


def _kind(name: str) -> tuple[str, bool, dict[str, str]]:
    """The media type to send a file of this name as, whether it shows inline, and the
    headers every served file carries."""
    media_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    inline = media_type in INLINE_TYPES
    disposition = f"{'inline' if inline else 'attachment'}; filename*=utf-8''{quote(name)}"
    sent = media_type if inline else "application/octet-stream"
    return sent, inline, {**SAFE_HEADERS, "content-disposition": disposition}


def byte_range(header: str | None, size: int) -> tuple[int, int] | bool | None:
    """The one range ``header`` asks for as ``(start, end)`` (end exclusive); None for the
    whole file (no header, several ranges, or one not in bytes); False when unsatisfiable."""
    if not header or not header.startswith("bytes=") or "," in header:
        return None
    first, dash, last = header[6:].strip().partition("-")
    if not dash or not (first.isdigit() or last.isdigit()):
        return None
    if not first.isdigit():
        length = int(last)
        return (max(size - length, 0), size) if length and size else False
    start = int(first)
    end = min(int(last) + 1, size) if last.isdigit() else size
    return (start, end) if start < end else False


async def _stream_stored(request: Request, store: FileStore, key: str) -> Response:
    """A remote store's file, streamed from the store (one byte range at most)."""
    try:
        size = await store.size(key)
    except FileNotFoundError:
        return error(403, str(FileNotAllowed(request.path_params["path"])))
    media_type, _, headers = _kind(key.rpartition("/")[2])
    headers["accept-ranges"] = "bytes"
    # As for a local file: no range of an empty file (a 416 would be logged as an error).
    wanted = byte_range(request.headers.get("range"), size) if size else None
    if wanted is False:
        headers["content-range"] = f"bytes */{size}"
        return Response(b"", status_code=416, headers=headers)
    start, end = wanted if isinstance(wanted, tuple) else (0, size)
    headers["content-length"] = str(end - start)
    status = 200
    if isinstance(wanted, tuple):
        status, headers["content-range"] = 206, f"bytes {start}-{end - 1}/{size}"
    if request.method == "HEAD" or start == end:
        return Response(b"", status_code=status, media_type=media_type, headers=headers)
    body = store.open_reader(key, start, end)
    return StreamingResponse(body, status_code=status, media_type=media_type, headers=headers)


async def serve_file(request: Request) -> Response:
    """``GET /gradio_api/file=<path>`` (also ``/file=`` and ``/gradio_api/file/``)."""
    raw = request.path_params["path"]
    access = services(request).files
    try:
        key = access.stored_key(raw) if access.store.remote else None
        if key is not None and not access.store.path_of(key).is_file():
            return await _stream_stored(request, access.store, key)
        path = await access.served(raw)
    except FileNotAllowed as exc:
        return error(403, str(exc))
    media_type, inline, headers = _kind(path.name)
    if path.stat().st_size == 0:
        # A byte range of an empty file would be a 416, which browsers log as an error.
        return Response(b"", media_type=media_type if inline else None, headers=headers)
    return FileResponse(
        path,
        media_type=media_type,
        filename=path.name,
        content_disposition_type="inline" if inline else "attachment",
        headers=SAFE_HEADERS,
    )


routes = [
    Route("/gradio_api/upload", upload, methods=["POST"]),
    Route("/gradio_api/upload_progress", upload_progress, methods=["GET"]),
    Route("/gradio_api/file={path:path}", serve_file, methods=["GET", "HEAD"]),
    Route("/gradio_api/file/{path:path}", serve_file, methods=["GET", "HEAD"]),
    Route("/file={path:path}", serve_file, methods=["GET", "HEAD"]),
]
