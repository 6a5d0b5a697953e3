"""Turning a request to run an event into a queued job, with its payloads checked first."""

from __future__ import annotations

import time
from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import HTTPConnection, Request

from limelight.app.execution import check_payloads
from limelight.app.session_data import SessionData
from limelight.components.base import PayloadError
from limelight.core.dependency import Dependency
from limelight.request import Request as AppRequest
from limelight.server.auth import current_user
from limelight.server.http import root_url
from limelight.server.jobs import JobRecord, LiveRequest, new_event_id
from limelight.server.queue import QueueFull
from limelight.server.services import Services

__all__ = ["app_request", "enqueue", "find_dependency"]


def find_dependency(
    services: Services,
    fn_index: int | None,
    api_name: str | None,
    session: SessionData | None = None,
) -> Dependency:
    """The dependency a request names by ``fn_index`` or ``api_name``; 4xx when unknown.

    With ``session``, a ``fn_index`` may also name a listener one of its renders made.
    """
    app = services.app
    if api_name is not None:
        dep = app.endpoint(api_name)
        if dep is None:
            raise HTTPException(404, f"There is no endpoint named '/{api_name.lstrip('/')}'.")
        return dep
    if fn_index is None:
        raise HTTPException(422, "Invalid request body: fn_index: Field required")
    dep = app.dependency(fn_index)
    if dep is None and session is not None:
        dep = session.rendered_dependency(fn_index)
    if dep is None:
        raise HTTPException(422, f"Unknown fn_index {fn_index}: the app has {len(app.fns)} events.")
    if dep.fn is None:
        raise HTTPException(422, f"Event {fn_index} has no Python function to run.")
    return dep


def app_request(request: HTTPConnection, session_hash: str | None) -> AppRequest:
    """The ``gr.Request`` a function gets for an event this HTTP request started (the
    Starlette request reads headers, URL and cookies lazily, when the function asks)."""
    return AppRequest(request, username=current_user(request.scope), session_hash=session_hash)


async def enqueue(
    services: Services,
    request: Request,
    dep: Dependency,
    data: list[Any],
    *,
    session_hash: str,
    channel: str,
    diffs: bool = True,
    ephemeral: bool = False,
    event_data: Any = None,
    trigger_id: int | None = None,
    event_id: str | None = None,
    stream: bool = False,
    shown_session_hash: str | None = None,
    windows: bool = False,
) -> JobRecord:
    """Check ``data`` against ``dep``'s inputs and queue the job; 422, 429 (the session has
    its share of the queue already) or 503 (the queue is full) on failure.

    With ``stream``, the job takes further chunks of a media stream (a ``stream`` event).
    ``shown_session_hash`` is what ``gr.Request.session_hash`` says, when not ``session_hash``.
    """
    cap = services.settings.max_pending_per_session
    if cap is not None and await services.queue.pending(session_hash) >= cap:
        # One session may not crowd out the others (docs/security.md #30).
        raise HTTPException(429, f"This session already has {cap} events waiting or running.")
    session = await services.sessions.load(session_hash)
    try:
        check_payloads(dep, data, session)
    except PayloadError as exc:
        raise HTTPException(422, str(exc)) from None
    record = JobRecord(
        event_id=event_id or new_event_id(),
        fn_index=dep.id,
        session_hash=session_hash,
        channel=channel,
        data=data,
        group=dep.concurrency_id,
        limit=services.app.concurrency_limit_of(dep),
        batch=_batch_key(dep, session_hash),
        max_batch_size=dep.max_batch_size,
        event_data=event_data,
        trigger_id=trigger_id,
        live=LiveRequest(
            request.scope, current_user(request.scope), shown_session_hash or session_hash
        ),
        root_url=root_url(request),
        diffs=diffs,
        ephemeral=ephemeral,
        stream=stream,
        retries=dep.retries,
        windows=windows,
        created=time.time(),
    )
    if stream:
        await services.feeds.open(record.event_id)
    try:
        await services.queue.put(record)
    except QueueFull as exc:
        if stream:
            await services.feeds.discard(record.event_id)
        raise HTTPException(503, str(exc)) from None
    if services.worker is not None:
        # This process may run the job itself, now, if its group has a free slot.
        await services.worker.start_ready()
    return record


def _batch_key(dep: Dependency, session_hash: str) -> str | None:
    """Which waiting jobs may run together with one of ``dep``'s: those of the same
    ``batch=True`` listener (of the same session, for a listener a render made)."""
    if not dep.batch:
        return None
    return f"{session_hash}:{dep.id}" if dep.rendered_in is not None else str(dep.id)
