"""A job: one triggered event waiting for, or holding, a place in the queue."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from typing import Any

from limelight.core.block import Block
from limelight.core.dependency import Dependency
from limelight.request import Request
from limelight.server.chunks import ChunkFeed

__all__ = ["Job", "new_event_id"]


def new_event_id() -> str:
    """A fresh, unguessable 32-hex-digit event id (what ``uuid4().hex`` gives, for less)."""
    return os.urandom(16).hex()


@dataclass
class Job:
    """Everything needed to run one event and to report on it."""

    dependency: Dependency
    data: list[Any]
    session_hash: str
    channel: str
    """The event stream its messages go to."""
    event_id: str = field(default_factory=new_event_id)
    event_data: Any = None
    trigger: Block | None = None
    """The block whose event fired (for ``gr.EventData``)."""
    request: Request | None = None
    root_url: str = ""
    """The URL the client reached the app at; file URLs in the job's outputs start with it."""
    diffs: bool = True
    """Send generator updates as diffs (the queue protocol) or as full values (``call``)."""
    ephemeral: bool = False
    """The session exists for this job alone (REST calls) and is dropped when it ends."""
    created: float = field(default_factory=time.monotonic)
    feed: ChunkFeed | None = None
    """For a ``stream`` event: the chunks the browser sends after the first."""

    @property
    def group(self) -> str:
        """The concurrency group the job counts against."""
        return self.dependency.concurrency_id
