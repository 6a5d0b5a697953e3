"""Running an endpoint for an MCP request through the app's queue, as every other client's
call runs, and reporting its progress on the way."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request

from limelight.core.dependency import Dependency
from limelight.protocol import Message
from limelight.server.jobs import new_event_id
from limelight.server.services import Services
from limelight.server.submit import enqueue

__all__ = ["CHANNEL_PREFIX", "CallFailed", "Progress", "progress_text", "run_endpoint"]

CHANNEL_PREFIX = "mcp:"
"""The event-stream channel of an MCP call starts with this, then the event id."""

Progress = Callable[[str], Awaitable[None]]
"""Told a line of text at each step of a running call (queued, started, progress)."""

HIDDEN_ERROR = "The function raised an error; launch(show_error=True) lets its message through."


class CallFailed(Exception):
    """The endpoint could not be called, or its function raised: the message says why."""


async def run_endpoint(
    services: Services,
    request: Request,
    dep: Dependency,
    data: list[Any],
    progress: Progress | None = None,
) -> list[Any]:
    """Queue one call of ``dep`` with input payloads ``data`` and wait for its output
    payloads; each step goes to ``progress``. Cancelled when the caller goes away."""
    event_id = new_event_id()
    channel = CHANNEL_PREFIX + event_id
    try:
        await enqueue(
            services,
            request,
            dep,
            data,
            session_hash=channel,
            channel=channel,
            diffs=False,
            ephemeral=True,
            event_id=event_id,
            shown_session_hash=event_id,
        )
    except HTTPException as exc:
        raise CallFailed(str(exc.detail)) from None
    finished = False
    try:
        while True:
            for message in await services.streams.take(channel, 60.0):
                if message["msg"] == "process_completed":
                    finished = True
                    return _outputs(message)
                text = progress_text(message)
                if progress is not None and text is not None:
                    await progress(text)
    finally:
        if not finished:
            await services.queue.cancel(event_id)
        await services.streams.discard(channel)


def _outputs(message: Message) -> list[Any]:
    output = message["output"]
    if message["success"] and "data" in output:
        return list(output["data"])
    if message["success"]:  # a cancelled event completes with an empty output
        raise CallFailed("The call was cancelled.")
    error, title = output.get("error"), output.get("title")
    if error is None:
        raise CallFailed(HIDDEN_ERROR)
    raise CallFailed(f"{title}: {error}" if title else str(error))


def progress_text(message: Message) -> str | None:
    """A line saying what a queue message tells of the call; None for the others."""
    kind = message["msg"]
    if kind == "estimation":
        text = f"Queued: position {message['rank'] + 1} of {message['queue_size']}."
        eta = message.get("rank_eta")
        return text if eta is None or eta < 1 else f"{text} About {eta:.0f} s to wait."
    if kind == "process_starts":
        return "Processing."
    if kind == "progress":
        return "; ".join(_unit_text(unit) for unit in message["progress_data"])
    if kind == "log":
        return str(message.get("log", ""))
    return None


def _unit_text(unit: dict[str, Any]) -> str:
    """One level of ``gr.Progress``: its description, then steps or a percentage."""
    desc = unit.get("desc") or "Progress"
    index, length, fraction = unit.get("index"), unit.get("length"), unit.get("progress")
    if index is not None and length is not None:
        return f"{desc}: {index}/{length} {unit.get('unit') or 'steps'}"
    if index is not None:
        return f"{desc}: {index} {unit.get('unit') or 'steps'}"
    if fraction is not None:
        return f"{desc}: {round(fraction * 100)}%"
    return str(desc)
