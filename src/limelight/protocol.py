"""Wire formats shared by the server, the browser and API clients.

Every payload that crosses the network is declared here once, as a pydantic model. The
TypeScript types in ``frontend/src/wire.ts`` are generated from these models by
``scripts/gen_wire_types.py``; a test fails when that file is stale. Field names and the
order of messages follow Gradio's ``sse_v3`` protocol so that ``gradio_client`` and
Gradio-era JavaScript clients talk to limelight unchanged.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "WIRE_MODELS",
    "CancelRequest",
    "ChatComponent",
    "ChatFile",
    "ChatMessageData",
    "ChatMetadata",
    "ChatOption",
    "ChatText",
    "CloseStreamMessage",
    "ErrorOutput",
    "EstimationMessage",
    "FileData",
    "HeartbeatMessage",
    "JoinRequest",
    "JoinResponse",
    "LogMessage",
    "Message",
    "MultimodalData",
    "Output",
    "ProcessCompletedMessage",
    "ProcessGeneratingMessage",
    "ProcessStartsMessage",
    "ProcessStreamingMessage",
    "ProgressMessage",
    "ProgressUnit",
    "ServerMessage",
    "UnexpectedErrorMessage",
    "cancelled",
    "close_stream",
    "estimation",
    "heartbeat",
    "log",
    "output",
    "process_completed",
    "process_generating",
    "process_starts",
    "progress",
    "unexpected_error",
]


class _WireModel(BaseModel):
    # Validators are built on first use, not at import: most apps touch few of these
    # models, and building them all cost ~50 ms of start-up.
    model_config = ConfigDict(defer_build=True)


class FileData(_WireModel):
    """A file travelling in a payload: where it lives on the server and how to fetch it."""

    path: str | None = None
    url: str | None = None
    size: int | None = None
    orig_name: str | None = None
    mime_type: str | None = None
    is_stream: bool = False
    meta: dict[str, Any] = Field(default_factory=lambda: {"_type": "gradio.FileData"})


class ChatText(_WireModel):
    """Text (Markdown) in a chat message's content."""

    text: str
    type: Literal["text"] = "text"


class ChatFile(_WireModel):
    """A file (image, audio, video or download) in a chat message's content."""

    file: FileData
    alt_text: str | None = None
    type: Literal["file"] = "file"


class ChatComponent(_WireModel):
    """Another component (a plot, an image, ...) shown inside a chat message."""

    component: str
    value: Any = None
    constructor_args: dict[str, Any] = Field(default_factory=dict)
    props: dict[str, Any] = Field(default_factory=dict)
    type: Literal["component"] = "component"


class ChatMetadata(_WireModel):
    """Marks a message as a collapsible step ("thinking", a tool call); ``parent_id`` nests it."""

    title: str | None = None
    id: int | str | None = None
    parent_id: int | str | None = None
    log: str | None = None
    duration: float | None = None
    status: Literal["pending", "done"] | None = None


class ChatOption(_WireModel):
    """A suggested reply shown under a message; clicking it fires ``option_select``."""

    value: str
    label: str | None = None


class ChatMessageData(_WireModel):
    """One message of a Chatbot value, as it travels: content is always a list of parts."""

    role: str
    metadata: ChatMetadata | None = None
    content: list[ChatText | ChatFile | ChatComponent]
    options: list[ChatOption] | None = None


class MultimodalData(_WireModel):
    """The value of a MultimodalTextbox: the typed text and the attached files."""

    text: str
    files: list[FileData] = Field(default_factory=list)


class JoinRequest(_WireModel):
    """Body of ``POST /gradio_api/queue/join`` and ``/run/{api_name}``."""

    model_config = ConfigDict(extra="ignore")

    data: list[Any]
    fn_index: int | None = None
    session_hash: str | None = None
    event_data: Any = None
    trigger_id: int | None = None
    event_id: str | None = None
    windows: bool = False
    """Sent by limelight's own page: big Dataframe outputs come as windows (§8.6)."""


class JoinResponse(_WireModel):
    """Answer to a queue join: the id that names the event on the session's stream."""

    event_id: str


class CancelRequest(_WireModel):
    """Body of ``POST /gradio_api/cancel``."""

    fn_index: int | None = None
    session_hash: str
    event_id: str


class ProgressUnit(_WireModel):
    """One level of a (possibly nested) progress report."""

    index: int | None = None
    length: int | None = None
    unit: str = "steps"
    progress: float | None = None
    desc: str | None = None


class Output(_WireModel):
    """The result of one run of a function: one value per output component."""

    data: list[Any]
    is_generating: bool = False
    duration: float | None = None
    average_duration: float | None = None
    render_config: Any = None
    changed_state_ids: list[int] = Field(default_factory=list)
    used_cache: bool | None = None


class ErrorOutput(_WireModel):
    """The ``output`` of a failed completion. ``error`` is None when details are hidden."""

    error: str | None = None
    visible: bool | None = None
    title: str | None = None
    duration: float | None = None


class EstimationMessage(_WireModel):
    """The event waits in the queue at ``rank`` (0 = next)."""

    msg: Literal["estimation"] = "estimation"
    event_id: str | None
    rank: int
    queue_size: int
    rank_eta: float | None = None


class ProcessStartsMessage(_WireModel):
    """The event's function has started."""

    msg: Literal["process_starts"] = "process_starts"
    event_id: str | None
    eta: float | None = None


class ProgressMessage(_WireModel):
    """Progress reported by ``gr.Progress`` inside the running function."""

    msg: Literal["progress"] = "progress"
    event_id: str | None
    progress_data: list[ProgressUnit]


class LogMessage(_WireModel):
    """``gr.Info`` / ``gr.Warning`` / ``gr.Success`` called inside the running function."""

    msg: Literal["log"] = "log"
    event_id: str | None
    log: str
    level: Literal["info", "warning", "success", "error"] = "info"
    duration: float | None = 10.0
    visible: bool = True
    title: str | None = None


class ProcessGeneratingMessage(_WireModel):
    """One yield of a generator. After the first, ``output.data`` holds diffs."""

    msg: Literal["process_generating"] = "process_generating"
    event_id: str | None
    output: Output
    success: bool = True
    time_limit: float | None = None


class ProcessStreamingMessage(_WireModel):
    """The output of one chunk of a ``stream`` event (full values, never diffs); more
    chunks may follow until ``process_completed``."""

    msg: Literal["process_streaming"] = "process_streaming"
    event_id: str | None
    output: Output
    success: bool = True
    time_limit: float | None = None


class ProcessCompletedMessage(_WireModel):
    """The event ended: with its final output, an error, or (``output == {}``) cancelled."""

    msg: Literal["process_completed"] = "process_completed"
    event_id: str | None
    output: Output | ErrorOutput | dict[str, Any]
    success: bool
    title: str | None = None
    used_cache: bool | None = None
    cache_duration: float | None = None
    avg_time: float | None = None


class HeartbeatMessage(_WireModel):
    """Keeps an idle stream open through proxies."""

    msg: Literal["heartbeat"] = "heartbeat"
    event_id: str | None = None


class CloseStreamMessage(_WireModel):
    """The session has no pending events left; the reader may close."""

    msg: Literal["close_stream"] = "close_stream"
    event_id: str | None = None


class UnexpectedErrorMessage(_WireModel):
    """The stream itself failed (unknown session, server stopping)."""

    msg: Literal["unexpected_error"] = "unexpected_error"
    event_id: str | None = None
    message: str
    session_not_found: bool = False
    success: bool = False


ServerMessage = (
    EstimationMessage
    | ProcessStartsMessage
    | ProgressMessage
    | LogMessage
    | ProcessGeneratingMessage
    | ProcessStreamingMessage
    | ProcessCompletedMessage
    | HeartbeatMessage
    | CloseStreamMessage
    | UnexpectedErrorMessage
)

WIRE_MODELS: tuple[type[BaseModel], ...] = (
    FileData,
    ChatText,
    ChatFile,
    ChatComponent,
    ChatMetadata,
    ChatOption,
    ChatMessageData,
    MultimodalData,
    JoinRequest,
    JoinResponse,
    CancelRequest,
    ProgressUnit,
    Output,
    ErrorOutput,
    EstimationMessage,
    ProcessStartsMessage,
    ProgressMessage,
    LogMessage,
    ProcessGeneratingMessage,
    ProcessStreamingMessage,
    ProcessCompletedMessage,
    HeartbeatMessage,
    CloseStreamMessage,
    UnexpectedErrorMessage,
)
"""The models exported to TypeScript, in the order they are written there."""


# --- Stream messages, built here only ---------------------------------------------------------
# The server sends the messages above as plain dicts (a model per message would cost more than
# the rest of a fast call), made by these functions alone: their keys and defaults are the
# models', and tests/test_protocol_messages.py checks every one against its model.

Message = dict[str, Any]
"""A message on an event stream, as one of the constructors below made it."""


def output(
    data: list[Any],
    *,
    generating: bool = False,
    duration: float | None = None,
    average: float | None = None,
    changed_state_ids: list[int] | None = None,
    render_config: Any = None,
) -> dict[str, Any]:
    """An ``Output``: one run's payloads and timings (``average`` defaults to ``duration``)."""
    return {
        "data": data,
        "is_generating": generating,
        "duration": duration,
        "average_duration": average if average is not None else duration,
        "render_config": render_config,
        "changed_state_ids": changed_state_ids or [],
        "used_cache": None,
    }


def estimation(event_id: str, rank: int, queue_size: int, rank_eta: float | None) -> Message:
    """An ``EstimationMessage``: the event waits at ``rank``."""
    return {
        "msg": "estimation",
        "event_id": event_id,
        "rank": rank,
        "queue_size": queue_size,
        "rank_eta": rank_eta,
    }


def process_starts(event_id: str) -> Message:
    """A ``ProcessStartsMessage``."""
    return {"msg": "process_starts", "event_id": event_id, "eta": None}


def progress(progress_data: list[dict[str, Any]]) -> Message:
    """A ``ProgressMessage`` (the event id is added by whoever delivers it)."""
    return {"msg": "progress", "progress_data": progress_data}


def log(
    text: str, level: str, *, duration: float | None, visible: bool, title: str | None
) -> Message:
    """A ``LogMessage`` (the event id is added by whoever delivers it)."""
    return {
        "msg": "log",
        "log": text,
        "level": level,
        "duration": duration,
        "visible": visible,
        "title": title,
    }


def process_generating(
    event_id: str, output: dict[str, Any], time_limit: float | None, *, streaming: bool = False
) -> Message:
    """A ``ProcessGeneratingMessage``, or with ``streaming`` a ``ProcessStreamingMessage``."""
    return {
        "msg": "process_streaming" if streaming else "process_generating",
        "event_id": event_id,
        "output": output,
        "success": True,
        "time_limit": time_limit,
    }


def process_completed(
    event_id: str,
    output: dict[str, Any],
    *,
    success: bool,
    title: str | None = None,
    avg_time: float | None = None,
) -> Message:
    """A ``ProcessCompletedMessage``; an empty ``output`` means cancelled."""
    return {
        "msg": "process_completed",
        "event_id": event_id,
        "output": output,
        "success": success,
        "title": title,
        "used_cache": None,
        "cache_duration": avg_time,
        "avg_time": avg_time,
    }


def cancelled(event_id: str) -> Message:
    """What a cancelled event's stream receives: a completion with an empty output."""
    return process_completed(event_id, {}, success=True)


def worker_lost(event_id: str) -> Message:
    """What the stream of a job receives when the process running it stopped (its lease
    expired) and its listener allows no more ``retries``: a failed completion that says so."""
    text = "worker_lost: the process running this job stopped before it finished."
    title = "Worker lost"
    return process_completed(
        event_id, {"error": text, "visible": True, "title": title}, success=False, title=title
    )


def heartbeat() -> Message:
    """A ``HeartbeatMessage``."""
    return {"msg": "heartbeat", "event_id": None}


def close_stream() -> Message:
    """A ``CloseStreamMessage``."""
    return {"msg": "close_stream", "event_id": None}


def unexpected_error(message: str, *, session_not_found: bool = False) -> Message:
    """An ``UnexpectedErrorMessage``."""
    return {
        "msg": "unexpected_error",
        "event_id": None,
        "message": message,
        "session_not_found": session_not_found,
        "success": False,
    }
