"""The queue protocol: join, the per-session event stream, media input streams, cancel
and reset (the heartbeat is ``server/heartbeat.py``)."""

from __future__ import annotations

from collections.abc import AsyncGenerator

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from limelight.app.execution import check_payloads
from limelight.app.render import made_in, restore_render
from limelight.components.base import PayloadError
from limelight.protocol import (
    CancelRequest,
    JoinRequest,
    close_stream,
    heartbeat,
    unexpected_error,
)
from limelight.server.http import json_response, read_json, read_model, services, sse
from limelight.server.jobs import JobRecord
from limelight.server.services import Services
from limelight.server.sse import EventStream
from limelight.server.submit import enqueue, find_dependency

__all__ = ["routes"]

SSE_HEADERS = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no"}


async def join(request: Request) -> Response:
    """``POST /gradio_api/queue/join``: queue an event; its messages go to the session stream."""
    body = await read_model(request, JoinRequest)
    if not body.session_hash:
        raise HTTPException(422, "Invalid request body: session_hash: Field required")
    svc = services(request)
    session = await svc.sessions.load(body.session_hash)
    if body.fn_index is not None and made_in(body.fn_index) is not None:
        await restore_render(svc.app, session, body.fn_index)
    dep = find_dependency(svc, body.fn_index, None, session)
    job = await enqueue(
        svc,
        request,
        dep,
        body.data,
        session_hash=body.session_hash,
        channel=body.session_hash,
        event_data=body.event_data,
        trigger_id=body.trigger_id,
        # An API client sends one chunk and waits for the result: no stream to keep open.
        stream=dep.connection == "stream" and request.headers.get("x-gradio-user") != "api",
        windows=body.windows,
    )
    return json_response({"event_id": job.event_id})


async def _stream_job(svc: Services, event_id: str) -> JobRecord:
    record = await svc.queue.find(event_id)
    if record is None or not record.stream or not await svc.feeds.is_open(event_id):
        raise HTTPException(404, f"No media stream is open for event {event_id!r}.")
    return record


async def stream_chunk(request: Request) -> Response:
    """``POST /gradio_api/stream/{event_id}``: the next chunk of a media input stream."""
    body = await read_model(request, JoinRequest)
    svc = services(request)
    record = await _stream_job(svc, request.path_params["event_id"])
    if body.session_hash != record.session_hash:
        raise HTTPException(404, "No media stream is open for this session and event.")
    session = await svc.sessions.load(record.session_hash)
    if made_in(record.fn_index) is not None:
        await restore_render(svc.app, session, record.fn_index)
    dep = find_dependency(svc, record.fn_index, None, session)
    try:
        check_payloads(dep, body.data, session)
    except PayloadError as exc:
        raise HTTPException(422, str(exc)) from None
    await svc.feeds.push(record.event_id, body.data)
    return json_response({"msg": "success"})


async def stream_close(request: Request) -> Response:
    """``POST /gradio_api/stream/{event_id}/close``: the browser stopped streaming."""
    svc = services(request)
    record = await _stream_job(svc, request.path_params["event_id"])
    await svc.feeds.close(record.event_id)
    return json_response({"msg": "success"})


async def _session_stream(svc: Services, session_hash: str) -> AsyncGenerator[str, None]:
    interval = svc.settings.heartbeat_interval
    completed = True
    # Events whose final message this reader has sent: over for it, even if the worker that
    # ran them (here or in another process) has not yet told the queue.
    ended: set[str] = set()
    try:
        if await _idle(svc, session_hash, ended):
            yield sse(unexpected_error("404: Not Found", session_not_found=True))
            return
        completed = False
        while True:
            messages = await svc.streams.take(session_hash, interval)
            if messages:
                for message in messages:
                    if message.get("msg") == "process_completed":
                        ended.add(str(message.get("event_id")))
                yield "".join(sse(message) for message in messages)
            else:
                yield sse(heartbeat())
            if await _idle(svc, session_hash, ended):
                completed = True
                yield sse(close_stream())
                if await _idle(svc, session_hash, ended):
                    await svc.streams.discard(session_hash)
                return
    finally:
        if not completed:
            await _abandon(svc, session_hash)


async def _idle(svc: Services, session_hash: str, ended: set[str]) -> bool:
    """No event of the session is pending but those whose end was read, and nothing waits
    to be read."""
    if await svc.streams.buffered(session_hash):
        return False
    pending = await svc.queue.pending(session_hash)
    if pending == 0:
        return True
    if pending > len(ended):
        return False
    return set(await svc.queue.session_jobs(session_hash)) <= ended


async def _abandon(svc: Services, session_hash: str) -> None:
    """The reader went away mid-stream: stop the session's events so generators close."""
    for event_id in await svc.queue.session_jobs(session_hash):
        await svc.queue.cancel(event_id)
    await svc.streams.discard(session_hash)


async def data(request: Request) -> Response:
    """``GET /gradio_api/queue/data?session_hash=``: the session's messages as SSE."""
    session_hash = request.query_params.get("session_hash")
    if not session_hash:
        raise HTTPException(422, "Query parameter 'session_hash' is required.")
    return EventStream(_session_stream(services(request), session_hash), SSE_HEADERS)


async def cancel(request: Request) -> Response:
    """``POST /gradio_api/cancel``: stop a waiting or running event of this session."""
    body = await read_model(request, CancelRequest)
    svc = services(request)
    if body.event_id in await svc.queue.session_jobs(body.session_hash):
        await svc.queue.cancel(body.event_id)
    return json_response({"success": True})


async def reset(request: Request) -> Response:
    """``POST /gradio_api/reset``: accepted for compatibility; cancel already cleans up."""
    await read_json(request)
    return json_response({"success": True})


routes = [
    Route("/gradio_api/queue/join", join, methods=["POST"]),
    Route("/gradio_api/queue/data", data, methods=["GET"]),
    Route("/gradio_api/stream/{event_id}", stream_chunk, methods=["POST"]),
    Route("/gradio_api/stream/{event_id}/close", stream_close, methods=["POST"]),
    Route("/gradio_api/cancel", cancel, methods=["POST"]),
    Route("/gradio_api/reset", reset, methods=["POST"]),
]
