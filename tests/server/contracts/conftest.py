"""The implementations each contract runs over, and their fixtures: a new backend (Redis,
say) adds its factory to the lists here and must pass every test in this folder."""

from __future__ import annotations

import inspect
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import pytest

from limelight.files.store import FileStore
from limelight.server.durations import Durations
from limelight.server.logins import (
    LoginLimiter,
    TokenStore,
)
from limelight.server.queue import JobQueue
from limelight.server.sessions import (
    SessionStore,
)
from limelight.server.streams import EventStreams
from limelight.server.upload_progress import UploadProgress
from tests.server.contracts.support import (
    DURATIONS,
    FILE_STORES,
    LIMIT,
    LIMITERS,
    QUEUES,
    SESSIONS,
    STREAMS,
    TOKEN_STORES,
    TOKEN_TTL,
    UPLOAD_PROGRESS,
    WINDOW,
    Clock,
)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture(params=STREAMS)
def streams(request: pytest.FixtureRequest) -> EventStreams:
    made: EventStreams = request.param()
    return made


@pytest.fixture(params=QUEUES, ids=lambda factory: factory.__name__)
async def queue(request: pytest.FixtureRequest, streams: EventStreams) -> AsyncIterator[JobQueue]:
    extra: dict[str, Any] = {}
    if "redis_url" in inspect.signature(request.param).parameters:
        extra["redis_url"] = request.getfixturevalue("redis_url")
    made: JobQueue = request.param(streams, 3, **extra)
    yield made
    await made.close()


@pytest.fixture(params=SESSIONS)
def sessions(request: pytest.FixtureRequest) -> SessionStore:
    made: SessionStore = request.param()
    return made


@pytest.fixture(params=FILE_STORES)
def make_files(request: pytest.FixtureRequest) -> Callable[[Path], FileStore]:
    factory: Callable[[Path], FileStore] = request.param
    return factory


@pytest.fixture
def files(make_files: Callable[[Path], FileStore], tmp_path: Path) -> FileStore:
    return make_files(tmp_path)


@pytest.fixture(params=TOKEN_STORES)
def tokens(request: pytest.FixtureRequest, clock: Clock) -> TokenStore:
    made: TokenStore = request.param(clock, TOKEN_TTL)
    return made


@pytest.fixture(params=LIMITERS)
def limiter(request: pytest.FixtureRequest, clock: Clock) -> LoginLimiter:
    made: LoginLimiter = request.param(clock, LIMIT, WINDOW)
    return made


@pytest.fixture(params=UPLOAD_PROGRESS)
def uploads(request: pytest.FixtureRequest, clock: Clock) -> UploadProgress:
    made: UploadProgress = request.param(clock)
    return made


@pytest.fixture(params=DURATIONS)
def durations(request: pytest.FixtureRequest) -> Durations:
    made: Durations = request.param()
    return made
