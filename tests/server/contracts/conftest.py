"""The implementations each contract runs over, and their fixtures: a new backend (Redis,
say) adds its factory to the lists here and must pass every test in this folder."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from pathlib import Path

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
    OnRedis,
)


def factory_name(factory: object) -> str:
    """A test id naming the implementation (a lambda's name says nothing)."""
    name = getattr(factory, "name", None) or getattr(factory, "__name__", "")
    return name if name and name != "<lambda>" else "in-memory"


@pytest.fixture(autouse=True)
async def _redis_for_redis_factories(
    request: pytest.FixtureRequest, anyio_backend: str
) -> AsyncIterator[None]:
    """Give the Redis factories the test's Redis, only in tests that run one of them (the
    in-memory ones run where redis-server is not installed), and close their clients on
    the test's event loop (``anyio_backend`` makes this fixture run on it)."""
    callspec = getattr(request.node, "callspec", None)
    if callspec is not None and any(isinstance(p, OnRedis) for p in callspec.params.values()):
        OnRedis.url = request.getfixturevalue("redis_url")
    yield
    OnRedis.url = None
    clients, OnRedis.clients = OnRedis.clients, []
    for client in clients:
        await client.aclose()


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture(params=STREAMS, ids=factory_name)
def streams(request: pytest.FixtureRequest) -> EventStreams:
    made: EventStreams = request.param()
    return made


@pytest.fixture(params=QUEUES, ids=factory_name)
async def queue(request: pytest.FixtureRequest, streams: EventStreams) -> AsyncIterator[JobQueue]:
    made: JobQueue = request.param(streams, 3)
    yield made
    await made.close()


@pytest.fixture(params=SESSIONS, ids=factory_name)
def sessions(request: pytest.FixtureRequest) -> SessionStore:
    made: SessionStore = request.param()
    return made


@pytest.fixture(params=FILE_STORES, ids=factory_name)
def make_files(request: pytest.FixtureRequest) -> Callable[[Path], FileStore]:
    factory: Callable[[Path], FileStore] = request.param
    return factory


@pytest.fixture
def files(make_files: Callable[[Path], FileStore], tmp_path: Path) -> FileStore:
    return make_files(tmp_path)


@pytest.fixture(params=TOKEN_STORES, ids=factory_name)
def tokens(request: pytest.FixtureRequest, clock: Clock) -> TokenStore:
    made: TokenStore = request.param(clock, TOKEN_TTL)
    return made


@pytest.fixture(params=LIMITERS, ids=factory_name)
def limiter(request: pytest.FixtureRequest, clock: Clock) -> LoginLimiter:
    made: LoginLimiter = request.param(clock, LIMIT, WINDOW)
    return made


@pytest.fixture(params=UPLOAD_PROGRESS, ids=factory_name)
def uploads(request: pytest.FixtureRequest, clock: Clock) -> UploadProgress:
    made: UploadProgress = request.param(clock)
    return made


@pytest.fixture(params=DURATIONS, ids=factory_name)
def durations(request: pytest.FixtureRequest) -> Durations:
    made: Durations = request.param()
    return made
