"""The services one running app uses, created when the server starts.

Routes reach them through ``request.app.state.services``. Each service is chosen here:
the embedded defaults are in-memory; a scaled-out deployment passes other implementations.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Protocol, TypedDict

import anyio
from starlette.requests import Request

from limelight.app.blocks_base import BlocksBase
from limelight.files.access import FileAccess
from limelight.files.processing import FileContext
from limelight.files.stores import open_file_store
from limelight.server.auth import Authenticator
from limelight.server.chunks import ChunkFeeds, InMemoryChunkFeeds
from limelight.server.durations import Durations, InMemoryDurations
from limelight.server.filecache import has_initial_files, prepare_initial_values, sweep_cache
from limelight.server.jobs import JobRecord
from limelight.server.logins import (
    InMemoryLoginLimiter,
    InMemoryTokenStore,
    LoginLimiter,
    TokenStore,
)
from limelight.server.queue import InMemoryQueue, JobQueue
from limelight.server.sessions import InMemorySessionStore, SessionStore
from limelight.server.streams import EventStreams, InMemoryEventStreams
from limelight.server.upload_progress import InMemoryUploadProgress, UploadProgress
from limelight.server.worker import JobRunner
from limelight.server.workers import Worker

__all__ = ["QueueFactory", "ServerSettings", "ServiceImplementations", "Services"]

JANITOR_INTERVAL = 60.0
IDLE_CHANNEL_SECONDS = 600.0


@dataclass
class ServerSettings:
    """Launch options the routes need."""

    show_error: bool = False
    max_threads: int = 40
    heartbeat_interval: float = 15.0
    loopback_only: bool = True
    """Bound to a loopback address: browsers may only call from loopback origins."""
    allowed_origins: list[str] = field(default_factory=list)
    max_file_size: int | None = None
    """Largest upload in bytes (None: no limit)."""
    allowed_paths: list[str] = field(default_factory=list)
    """Files and folders, besides the file store, that clients may read."""
    blocked_paths: list[str] = field(default_factory=list)
    """Files and folders clients may never read, even inside ``allowed_paths``."""
    cache_dir: str | None = None
    """Where the file store keeps files (default: ``GRADIO_TEMP_DIR`` or the temp dir)."""
    file_store: str | None = None
    """The file store (``s3://bucket/prefix`` or a folder; default: ``LIMELIGHT_FILE_STORE``,
    else ``cache_dir``)."""
    auth: Authenticator | None = None
    """Who may log in (None: the app is open to all)."""
    auth_dependency: Callable[[Request], str | Awaitable[str | None] | None] | None = None
    """Who a request comes from, by the app's own means (None from it: 401)."""
    auth_message: str | None = None
    """Shown to those ``auth_dependency`` turns away (the login form has its own)."""
    strict_cors: bool = True
    """False lets pages opened from files (origin ``null``) call a loopback-bound server."""
    root_path: str = ""
    """The path prefix (or full URL) clients reach the app at behind a proxy."""
    favicon_path: str | None = None
    """The page's icon, served at ``/favicon.ico`` (None: limelight's own)."""
    pwa: bool = False
    """Serve a web app manifest so that browsers offer to install the app."""
    state_session_capacity: int = 10000
    """Sessions kept at most; the least recently used is forgotten first."""
    allowed_hosts: list[str] | None = None
    """``Host`` names served besides loopback ones on a loopback bind (None: the ``Host`` is
    not checked, as in a server limelight did not start itself; docs/security.md #17)."""
    trust_forwarded: bool = False
    """A proxy the app trusts is in front (``launch(forwarded_allow_ips=)``)."""
    max_pending_per_session: int | None = 100
    """Jobs one session may have waiting or running; more are refused with 429."""
    login_ttl: float | None = 7 * 24 * 3600.0
    """Seconds a login lasts (None: until logout or restart)."""
    strict_file_access: bool = False
    """Functions may return only files in the store or ``allowed_paths``."""


class QueueFactory(Protocol):
    """Makes the app's queue when the server starts (on its event loop)."""

    def __call__(
        self,
        streams: EventStreams,
        *,
        max_size: int | None,
        eta_of: Callable[[JobRecord, int], float | None],
    ) -> JobQueue:
        """A queue publishing to ``streams``, refusing jobs beyond ``max_size`` waiting, and
        estimating waits with ``eta_of(record, rank)``."""


class ServiceImplementations(TypedDict, total=False):
    """The implementations a backend gives ``Services`` (``limelight.backends.select``);
    each one left out is the in-memory default."""

    streams: EventStreams
    sessions: SessionStore
    files: FileAccess
    tokens: TokenStore
    login_limiter: LoginLimiter
    uploads: UploadProgress
    durations: Durations
    feeds: ChunkFeeds
    queue: QueueFactory
    on_stop: Callable[[], Awaitable[None]]
    """Releases what the implementations hold (a connection pool) once the server stopped."""


def _in_memory_queue(
    streams: EventStreams,
    *,
    max_size: int | None,
    eta_of: Callable[[JobRecord, int], float | None],
) -> JobQueue:
    return InMemoryQueue(streams, max_size=max_size, eta_of=eta_of)


class Services:
    """The queue, session store, event streams and file store of one app, and the state
    behind login, upload progress and queue estimates (each an interface: pass another
    implementation to share it between replicas)."""

    def __init__(
        self,
        app: BlocksBase,
        settings: ServerSettings | None = None,
        *,
        streams: EventStreams | None = None,
        sessions: SessionStore | None = None,
        files: FileAccess | None = None,
        tokens: TokenStore | None = None,
        login_limiter: LoginLimiter | None = None,
        uploads: UploadProgress | None = None,
        durations: Durations | None = None,
        feeds: ChunkFeeds | None = None,
        queue: QueueFactory | None = None,
        on_stop: Callable[[], Awaitable[None]] | None = None,
    ) -> None:
        self.app = app
        self.blocks = app.blocks
        """Every block by id, as the app stood when the server was created."""
        self.settings = settings or ServerSettings()
        # "is None", not "or": an empty in-memory store has a length of 0, so is falsy.
        self.streams = InMemoryEventStreams() if streams is None else streams
        self.sessions = (
            InMemorySessionStore(capacity=self.settings.state_session_capacity)
            if sessions is None
            else sessions
        )
        self.files = (
            FileAccess(
                # Event streams from a backend: other processes serve this app's files too.
                open_file_store(
                    self.settings.file_store, self.settings.cache_dir, shared=streams is not None
                ),
                self.settings.allowed_paths,
                self.settings.blocked_paths,
                strict=self.settings.strict_file_access,
            )
            if files is None
            else files
        )
        self.tokens = InMemoryTokenStore(self.settings.login_ttl) if tokens is None else tokens
        """Login tokens handed out by ``POST /login``."""
        self.login_limiter = InMemoryLoginLimiter() if login_limiter is None else login_limiter
        """Failed logins counted per client address."""
        self.uploads = InMemoryUploadProgress() if uploads is None else uploads
        self.durations = InMemoryDurations() if durations is None else durations
        """Each event's mean duration, behind ``average_duration`` and queue estimates."""
        self.feeds = InMemoryChunkFeeds() if feeds is None else feeds
        """Media input streams on their way to running jobs."""
        self._make_queue = _in_memory_queue if queue is None else queue
        self._on_stop = on_stop
        self._sweeper: asyncio.Task[None] | None = None
        self._queue: JobQueue | None = None
        self._janitor: asyncio.Task[None] | None = None
        self._worker_task: asyncio.Task[None] | None = None
        self.worker: Worker | None = None
        """This process's worker (once the server has started)."""
        self._files_handed_over = False

    def successor(
        self, app: BlocksBase, settings: ServerSettings, *, keep_sessions: bool
    ) -> Services:
        """Services for ``app``, which replaces this one's in the same server (``limelight
        dev`` after an edit): the same files, logins and event streams, and the sessions
        (State, updated props) when ``keep_sessions``. Stopping these services then leaves
        the files to the successor."""
        self._files_handed_over = True
        access = FileAccess(self.files.store, settings.allowed_paths, settings.blocked_paths)
        return Services(
            app,
            settings,
            streams=self.streams,
            sessions=self.sessions if keep_sessions else None,
            files=access,
            tokens=self.tokens,
            login_limiter=self.login_limiter,
            uploads=self.uploads,
            durations=self.durations if keep_sessions else None,
        )

    @property
    def queue(self) -> JobQueue:
        """The running queue (available once the server has started)."""
        if self._queue is None:
            raise RuntimeError("the server has not started")
        return self._queue

    def show_error(self) -> bool:
        """Whether exception messages reach clients (``launch(show_error=True)``)."""
        return self.settings.show_error or self.app.show_error

    async def start(self) -> None:
        """Create the queue on the running loop and start housekeeping."""
        self.executor = ThreadPoolExecutor(self.settings.max_threads, "limelight-worker")
        """Where the app's synchronous functions run: threads start as calls need them."""
        self.runner = JobRunner(
            self.streams,
            self.sessions,
            self.show_error,
            self.executor,
            self.durations,
            self.files,
        )
        self._queue = self._make_queue(
            self.streams, max_size=self.app.queue_settings.max_size, eta_of=self._eta_of
        )
        await self.durations.refresh()
        worker = Worker(
            self.app, self.blocks, self._queue, self.runner, self.streams, self.sessions, self.feeds
        )
        self.worker = worker
        self._worker_task = asyncio.get_running_loop().create_task(worker.run())
        self._janitor = asyncio.get_running_loop().create_task(self._housekeeping())
        if has_initial_files(self.app):
            await anyio.to_thread.run_sync(prepare_initial_values, self.app, self.files)
        for cache in self.app.example_caches:
            cache.attach(FileContext(self.files))
            if not cache.lazy:
                await cache.fill()
        if self.app.delete_cache is not None:
            frequency, age = self.app.delete_cache
            task = sweep_cache(self.files.store, frequency, age)
            self._sweeper = asyncio.get_running_loop().create_task(task)

    def _eta_of(self, record: JobRecord, rank: int) -> float | None:
        """Seconds until the job at ``rank`` may start, from its event's mean duration."""
        return self.durations.eta(record.fn_index, rank, record.limit)

    async def _housekeeping(self) -> None:
        while True:
            await asyncio.sleep(JANITOR_INTERVAL)
            states = self.app.state_components()
            for session in await self.sessions.expire():
                session.close(states)
            await self.streams.expire(IDLE_CHANNEL_SECONDS)
            await self.uploads.expire(IDLE_CHANNEL_SECONDS)
            await self.tokens.expire()
            await self.login_limiter.expire()
            await self.durations.refresh()

    async def drain(self, grace: float) -> None:
        """Stop taking jobs from the queue and give the running ones up to ``grace`` seconds
        to finish (a shared queue lets the other processes run those still waiting)."""
        task, worker = self._worker_task, self.worker
        if task is None or worker is None or task.done():
            return
        worker.draining = True
        task.cancel()
        await asyncio.wait({task}, timeout=grace)

    async def stop(self) -> None:
        """Cancel running jobs and housekeeping; with ``delete_cache``, delete the app's files."""
        for task in (self._worker_task, self._janitor, self._sweeper):
            if task is not None:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task
        # Other processes still serve a shared store's files, and a reloaded app's files
        # are the next app's: age alone expires them there.
        if (
            self.app.delete_cache is not None
            and not self.files.store.shared
            and not self._files_handed_over
        ):
            await self.files.store.clear()
        if self._queue is not None:
            await self._queue.close()
        # Threads still running a cancelled call finish it unobserved; nothing waits for them.
        self.executor.shutdown(wait=False, cancel_futures=True)
        if self._on_stop is not None:
            await self._on_stop()
