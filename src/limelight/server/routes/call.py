"""The REST API: ``call/{api}`` (+ its event stream), ``call/v2/{api}`` and ``run/{api}``.

``call`` queues like the browser does but streams full values as named SSE events
(``generating``, ``complete``, ``error``), which is what curl and JavaScript users read.
``run`` calls the function directly and answers with its output.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator
from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from limelight.app.api_info import parameter_defaults, parameter_names
from limelight.app.render import made_in, restore_render
from limelight.app.session_data import SessionData
from limelight.components.base import Component, PayloadError
from limelight.core.dependency import Dependency
from limelight.protocol import JoinRequest, Message
from limelight.server.http import json_response, read_json, read_model, root_url, services, sse
from limelight.server.jobs import new_event_id
from limelight.server.routes.queue import SSE_HEADERS
from limelight.server.services import Services
from limelight.server.sse import EventStream, Last
from limelight.server.submit import app_request, enqueue, find_dependency
from limelight.server.worker import direct_job

__all__ = ["routes"]

CALL_PREFIX = "call:"


def _hidden(block: Any) -> bool:
    """State and Button inputs: not API parameters (``gradio_client`` sends nulls for
    State; a button's value, its label, is not data)."""
    return isinstance(block, Component) and block.SKIP_API


def _with_state_slots(dep: Dependency, data: list[Any]) -> list[Any]:
    """Let callers leave out State and Button inputs: put a null where each one goes."""
    visible = [b for b in dep.inputs if not _hidden(b)]
    if len(data) != len(visible) or len(visible) == len(dep.inputs):
        return data
    values = iter(data)
    return [None if _hidden(b) else next(values) for b in dep.inputs]


def _from_kwargs(dep: Dependency, body: Any) -> list[Any]:
    """``call/v2`` takes an object keyed by parameter name; the defaults ``/info``
    advertises fill the gaps, and a parameter without one is required (as in Gradio)."""
    if not isinstance(body, dict):
        raise HTTPException(422, "Expected a JSON object of named parameters.")
    names = parameter_names(dep)
    unknown = set(body) - set(names)
    if unknown:
        raise HTTPException(422, f"Unknown parameter(s): {', '.join(sorted(unknown))}")
    defaults = parameter_defaults(dep)
    data: list[Any] = []
    for name, block in zip(names, dep.inputs):
        if _hidden(block):
            data.append(None)
        elif name in body:
            data.append(body[name])
        elif name in defaults:
            data.append(defaults[name])
        else:
            raise HTTPException(422, f"No value provided for required argument: {name}")
    return data


def _check_open(svc: Services, dep: Dependency) -> None:
    """``demo.queue(api_open=False)`` keeps queued events off the REST routes."""
    if dep.queue and not svc.app.queue_settings.api_open:
        raise HTTPException(
            404, "This app's REST API is closed (queue(api_open=False)); use the queue."
        )


async def _start(request: Request, dep: Dependency, data: list[Any]) -> Response:
    _check_open(services(request), dep)
    event_id = new_event_id()
    channel = CALL_PREFIX + event_id
    await enqueue(
        services(request),
        request,
        dep,
        data,
        session_hash=channel,
        channel=channel,
        diffs=False,
        ephemeral=True,
        event_id=event_id,
        shown_session_hash=event_id,  # a bare hex string, like the one Gradio makes up
    )
    return json_response({"event_id": event_id})


async def call(request: Request) -> Response:
    """``POST /gradio_api/call/{api_name}`` with ``{"data": [...]}``: queue a call."""
    dep = find_dependency(services(request), None, request.path_params["api_name"])
    body = await read_json(request)
    if not isinstance(body, dict) or not isinstance(body.get("data"), list):
        raise HTTPException(422, "Invalid request body: data: expected a list of input values")
    return await _start(request, dep, _with_state_slots(dep, body["data"]))


async def call_v2(request: Request) -> Response:
    """``POST /gradio_api/call/v2/{api_name}`` with named parameters: queue a call."""
    dep = find_dependency(services(request), None, request.path_params["api_name"])
    return await _start(request, dep, _from_kwargs(dep, await read_json(request)))


def _call_event(message: Message) -> tuple[str, bool]:
    """One queue message as the ``call`` API's SSE text, and whether it ends the call."""
    kind = message["msg"]
    if kind == "process_generating":
        return sse(message["output"]["data"], "generating"), False
    if kind == "process_completed":
        output = message["output"]
        if not message["success"]:
            return sse(output, "error"), True
        if "data" not in output:
            return sse({"error": "Cancelled", "visible": True}, "error"), True
        return sse(output["data"], "complete"), True
    if kind == "log":
        return sse(message, "log"), False
    return "", False


def _call_texts(messages: list[Message]) -> tuple[str, bool]:
    """The SSE text of ``messages`` up to the one ending the call, and whether it came."""
    texts = []
    for message in messages:
        event, finished = _call_event(message)
        texts.append(event)
        if finished:
            return "".join(texts), True
    return "".join(texts), False


async def _call_events(svc: Services, event_id: str) -> AsyncGenerator[str, None]:
    channel = CALL_PREFIX + event_id
    finished = False
    try:
        while not finished:
            messages = await svc.streams.take(channel, svc.settings.heartbeat_interval)
            if not messages:
                yield "event: heartbeat\ndata: null\n\n"
                continue
            text, finished = _call_texts(messages)
            if finished:
                yield Last(text)  # nothing follows: it goes out with the response's end
            elif text:
                yield text
    finally:
        if not finished:
            await svc.queue.cancel(event_id)
        await svc.streams.discard(channel)


async def call_events(request: Request) -> Response:
    """``GET /gradio_api/call/{api_name}/{event_id}``: the call's events as SSE."""
    svc = services(request)
    find_dependency(svc, None, request.path_params["api_name"])
    event_id = request.path_params["event_id"]
    channel = CALL_PREFIX + event_id
    if not await svc.queue.session_jobs(channel) and not await svc.streams.buffered(channel):
        raise HTTPException(404, f"No pending call with event id {event_id}.")
    return EventStream(_call_events(svc, event_id), SSE_HEADERS)


async def run(request: Request) -> Response:
    """``POST /gradio_api/run/{api_name}``: run the function now and answer with its output.

    The browser sends ``run/predict`` with an ``fn_index`` for events with ``queue=False``.
    """
    svc = services(request)
    body = await read_model(request, JoinRequest)
    api_name = request.path_params["api_name"]
    by_index = body.fn_index is not None and api_name == "predict"
    session_hash = body.session_hash or ""
    session = await svc.sessions.load(session_hash) if session_hash else SessionData()
    for rendered in (body.fn_index if by_index else None, body.trigger_id):
        if rendered is not None and made_in(rendered) is not None:
            await restore_render(svc.app, session, rendered)
    dep = find_dependency(
        svc, body.fn_index if by_index else None, None if by_index else api_name, session
    )
    if not by_index:
        _check_open(svc, dep)
    trigger = None
    if body.trigger_id is not None:
        trigger = svc.blocks.get(body.trigger_id) or session.rendered_block(body.trigger_id)
    job = direct_job(
        dep,
        _with_state_slots(dep, body.data),
        session_hash=session_hash,
        session=session,
        request=app_request(request, session_hash or None),
        root_url=root_url(request),
        event_data=body.event_data,
        trigger=trigger,
        windows=by_index and body.windows,
    )
    outcome = await svc.runner.run_now(job)
    if isinstance(outcome.error, PayloadError):
        raise HTTPException(422, str(outcome.error))
    if outcome.error is None:
        return json_response(outcome.output())
    failure = svc.runner.final(job, outcome)  # logged and shown as the queue's failures are
    return json_response(failure["output"], status_code=500)


routes = [
    Route("/gradio_api/call/v2/{api_name}", call_v2, methods=["POST"]),
    Route("/gradio_api/call/v2/{api_name}/{event_id}", call_events, methods=["GET"]),
    Route("/gradio_api/call/{api_name}", call, methods=["POST"]),
    Route("/gradio_api/call/{api_name}/{event_id}", call_events, methods=["GET"]),
    Route("/gradio_api/run/{api_name}", run, methods=["POST"]),
    Route("/gradio_api/api/{api_name}", run, methods=["POST"]),
]
