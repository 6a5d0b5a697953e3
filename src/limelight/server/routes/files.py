"""Files over HTTP: ``upload``, ``upload_progress`` and ``file=<path>`` (docs/protocol.md §7).

Only files in the store or under ``allowed_paths`` (and not under ``blocked_paths``) are
served; any other path gets the same 403 whether or not it exists. Types a browser could
run as a page (HTML, SVG, JavaScript, XML, anything unknown) are sent as attachments, and
every file carries ``nosniff`` and a sandboxing CSP, so an uploaded file never runs as
the app's origin (docs/security.md #22). Byte ranges work for seeking (at most 100 ranges a
request).
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
from limelight.server.http import error, json_response, services, sse
from limelight.server.routes.queue import SSE_HEADERS
from limelight.server.services import Services
from limelight.server.uploads import UploadError, receive_upload

__all__ = ["INLINE_TYPES", "routes"]

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


async def serve_file(request: Request) -> Response:
    """``GET /gradio_api/file=<path>`` (also ``/file=`` and ``/gradio_api/file/``)."""
    raw = request.path_params["path"]
    try:
        path = await services(request).files.served(raw)
    except FileNotAllowed as exc:
        return error(403, str(exc))
    media_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    inline = media_type in INLINE_TYPES
    if path.stat().st_size == 0:
        # A byte range of an empty file would be a 416, which browsers log as an error.
        disposition = f"{'inline' if inline else 'attachment'}; filename*=utf-8''{quote(path.name)}"
        headers = {**SAFE_HEADERS, "content-disposition": disposition}
        return Response(b"", media_type=media_type if inline else None, headers=headers)
    return FileResponse(
        path,
        media_type=media_type if inline else "application/octet-stream",
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
