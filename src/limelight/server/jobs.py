"""Jobs: one triggered event, as a serialisable record (what the queue holds) and as the live
job a worker runs (the record with its dependency, trigger, request and media feed found).

A record holds only JSON-able values, so any process of an app can run it: the worker finds
the dependency again by its ``fn_index`` (in the app, or among what the session's renders
made) and rebuilds the ``gr.Request`` from the request's snapshot.
"""

from __future__ import annotations

import functools
import os
import time
from collections.abc import MutableMapping
from dataclasses import dataclass, field
from typing import Annotated, Any, Protocol

from pydantic import Field, TypeAdapter
from starlette.requests import Request as StarletteRequest

from limelight.app.session_data import SessionData
from limelight.core.block import Block
from limelight.core.dependency import Dependency
from limelight.request import Request
from limelight.server.chunks import ChunkFeed

__all__ = ["Job", "JobRecord", "LiveRequest", "RequestSnapshot", "RunRecord", "new_event_id"]


def new_event_id() -> str:
    """A fresh, unguessable 32-hex-digit event id (what ``uuid4().hex`` gives, for less)."""
    return os.urandom(16).hex()


@dataclass(slots=True)
class RequestSnapshot:
    """What ``gr.Request`` reads of the HTTP request that started an event: the parts of its
    ASGI scope that are plain values (headers as latin-1 text, as HTTP defines them)."""

    type: str = "http"
    method: str = "GET"
    scheme: str = "http"
    server: tuple[str, int | None] | None = None
    client: tuple[str, int] | None = None
    root_path: str = ""
    path: str = "/"
    query_string: str = ""
    headers: list[tuple[str, str]] = field(default_factory=list)
    path_params: dict[str, Any] = field(default_factory=dict)
    username: str | None = None
    session_hash: str | None = None
    state: Annotated[dict[str, Any], Field(exclude=True)] = field(
        default_factory=dict, compare=False
    )
    """The lifespan state requests carried in this process (``request.state``): live
    objects, so it stays out of the record's JSON."""

    @classmethod
    def of(
        cls, scope: MutableMapping[str, Any], username: str | None, session_hash: str | None
    ) -> RequestSnapshot:
        """The snapshot of the request with ASGI ``scope``, for an event whose
        ``gr.Request`` says ``username`` and ``session_hash``."""
        client = scope.get("client")
        server = scope.get("server")
        return cls(
            scope["type"],
            scope.get("method", "GET"),
            scope.get("scheme", "http"),
            (server[0], server[1]) if server else None,
            (client[0], client[1]) if client else None,
            scope.get("root_path", ""),
            scope.get("path", "/"),
            scope.get("query_string", b"").decode("latin-1"),
            [(k.decode("latin-1"), v.decode("latin-1")) for k, v in scope["headers"]],
            dict(scope.get("path_params") or {}),
            username,
            session_hash,
            scope.get("state", {}),
        )

    def request(self) -> Request:
        """The ``gr.Request`` a function gets: it reads through to a Starlette request
        rebuilt from the snapshot (headers, cookies, URL and client as they arrived) when
        the function first reads it."""
        return Request(self._starlette, username=self.username, session_hash=self.session_hash)

    def _starlette(self) -> StarletteRequest:
        scope = {
            "type": self.type,
            "method": self.method,
            "scheme": self.scheme,
            "server": self.server,
            "client": self.client,
            "root_path": self.root_path,
            "path": self.path,
            "query_string": self.query_string.encode("latin-1"),
            "headers": [
                (k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in self.headers
            ],
            "path_params": self.path_params,
            "state": self.state,
        }
        return StarletteRequest(scope)


@dataclass(slots=True)
class LiveRequest:
    """The request that started a job, as this process received it. A job run by the
    process that admitted it reads this directly; the plain-value snapshot is taken only
    when the record leaves the process (``JobRecord.to_json``)."""

    scope: MutableMapping[str, Any]
    username: str | None
    session_hash: str | None

    def request(self) -> Request:
        """The ``gr.Request`` a function gets (its Starlette request made on first read)."""
        return Request(self._starlette, username=self.username, session_hash=self.session_hash)

    def _starlette(self) -> StarletteRequest:
        return StarletteRequest(self.scope)

    def snapshot(self) -> RequestSnapshot:
        """The request as plain values."""
        return RequestSnapshot.of(self.scope, self.username, self.session_hash)


@dataclass(slots=True, kw_only=True)
class JobRecord:
    """One event waiting for, or holding, a place in the queue: plain values only, so that it
    round-trips through JSON (``to_json``, ``from_json``) and any process of the app can run
    it. A plain dataclass: made for every call, it must cost next to nothing."""

    event_id: str = field(default_factory=new_event_id)
    fn_index: int
    """The dependency to run: an index into the app's, or one a session's render made."""
    session_hash: str
    channel: str
    """The event stream its messages go to."""
    data: list[Any]
    """The input payloads, as the client sent them (checked when the job was admitted)."""
    group: str
    """The concurrency group the job counts against."""
    limit: int | None = None
    """How many jobs of the group may run at once (None: no limit)."""
    batch: str | None = None
    """Jobs with the same batch key that wait together run as one call (``batch=True``)."""
    max_batch_size: int = 1
    event_data: Any = None
    trigger_id: int | None = None
    """The block whose event fired (for ``gr.EventData``)."""
    request: RequestSnapshot | None = None
    """The request that started the job, as plain values (taken from ``live`` when the
    record is serialised)."""
    live: Annotated[LiveRequest | None, Field(exclude=True)] = field(default=None, compare=False)
    """The request itself, in the process that admitted the job (never serialised)."""
    root_url: str = ""
    """The URL the client reached the app at; file URLs in the job's outputs start with it."""
    diffs: bool = True
    """Send generator updates as diffs (the queue protocol) or as full values (``call``)."""
    ephemeral: bool = False
    """The session exists for this job alone (REST calls) and is dropped when it ends."""
    stream: bool = False
    """A ``stream`` event: the browser sends more chunks after the first."""
    retries: int = 0
    """How many more times the job may run when the process running it is lost (a queue
    shared by several processes requeues it; ``retries=`` on the listener)."""
    windows: bool = False
    """Limelight's own page joined: big Dataframe outputs go out as windows."""
    created: float = field(default_factory=time.time)

    def to_json(self) -> bytes:
        """The record as JSON (what a shared queue stores)."""
        if self.request is None and self.live is not None:
            self.request = self.live.snapshot()
        return _adapter().dump_json(self)

    def gr_request(self) -> Request | None:
        """The ``gr.Request`` of the job's function, from the live request where this
        process has it, else from the snapshot."""
        if self.live is not None:
            return self.live.request()
        return self.request.request() if self.request is not None else None

    @classmethod
    def from_json(cls, text: str | bytes) -> JobRecord:
        """The record ``to_json`` wrote."""
        record: JobRecord = _adapter().validate_json(text)
        return record


@functools.cache
def _adapter() -> TypeAdapter[JobRecord]:
    # Built on first use: most servers never serialise a record.
    return TypeAdapter(JobRecord)


class RunRecord(Protocol):
    """What running a job reads of its record: a queued job's ``JobRecord``, or the plain
    record of a job run at once, outside the queue (it has nothing to serialise)."""

    @property
    def event_id(self) -> str:
        """The event's id ("" for a run outside the queue)."""

    @property
    def fn_index(self) -> int:
        """The dependency's index."""

    @property
    def session_hash(self) -> str:
        """The session ("" for a run with a session of its own)."""

    @property
    def channel(self) -> str:
        """The event stream its messages go to ("": none)."""

    @property
    def data(self) -> list[Any]:
        """The input payloads."""

    @property
    def event_data(self) -> Any:
        """The event's data (for ``gr.EventData``)."""

    @property
    def root_url(self) -> str:
        """The URL the client reached the app at."""

    @property
    def diffs(self) -> bool:
        """Send generator updates as diffs."""

    @property
    def ephemeral(self) -> bool:
        """The session is dropped when the job ends."""

    @property
    def windows(self) -> bool:
        """Big Dataframe outputs go out as windows (limelight's own page asked)."""


@dataclass
class Job:
    """A record with what running it needs, found again in this process."""

    record: RunRecord
    dependency: Dependency
    trigger: Block | None = None
    request: Request | None = None
    feed: ChunkFeed | None = None
    """For a ``stream`` event: the chunks the browser sends after the first."""
    session: SessionData | None = None
    """The session's data when whoever runs the job has loaded it already (or, for a job
    without a session hash, a session of its own)."""

    @property
    def event_id(self) -> str:
        """The event's id."""
        return self.record.event_id

    @property
    def channel(self) -> str:
        """The event stream the job's messages go to."""
        return self.record.channel

    @property
    def session_hash(self) -> str:
        """The session the job runs for."""
        return self.record.session_hash

    @property
    def data(self) -> list[Any]:
        """The job's input payloads."""
        return self.record.data
