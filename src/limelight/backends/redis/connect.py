"""The Redis backend's services for one app, on one client (one connection pool)."""

from __future__ import annotations

import os

from redis import Redis as BlockingRedis
from redis.asyncio import Redis
from redis.asyncio.retry import Retry
from redis.backoff import ExponentialBackoff
from redis.exceptions import (
    ConnectionError as RedisConnectionError,
    RedisError,
    TimeoutError as RedisTimeoutError,
)

from limelight.backends.redis.chunks import RedisChunkFeeds
from limelight.backends.redis.logins import RedisLoginLimiter, RedisTokenStore
from limelight.backends.redis.progress import RedisDurations, RedisUploadProgress
from limelight.backends.redis.queue import LEASE_SECONDS, RedisQueue
from limelight.backends.redis.sessions import RedisSessionStore
from limelight.backends.redis.streams import RedisEventStreams
from limelight.backends.urls import redacted
from limelight.server.queue import EtaOf, JobQueue
from limelight.server.services import ServerSettings, ServiceImplementations
from limelight.server.streams import EventStreams

__all__ = [
    "LEASE_ENV",
    "MAX_CONNECTIONS",
    "RECONNECT_TRIES",
    "TOKEN_TTL",
    "check_reachable",
    "lease_seconds",
    "redis_implementations",
]

TOKEN_TTL = 7 * 86400.0
"""A login token's life: in memory a restart logs everyone out; in Redis tokens would
otherwise last until logout, so they end after a week."""
CONNECT_TIMEOUT = 5.0
LEASE_ENV = "LIMELIGHT_LEASE_SECONDS"
MAX_CONNECTIONS = 10_000
"""Connections one process may open. Each client waiting on its event stream holds one (a
blocking ``XREAD``), so redis-py's default of 100 (since redis-py 6; before, no limit) failed
calls once about a hundred clients waited at once; Redis itself takes 10,000 clients
(``maxclients``) by default."""
RECONNECT_TRIES = 16
"""Tries again after a lost connection, waiting 0.1 s, then twice as long each time up to
1 s: about 13 s in all, so that a Redis restarting (or failing over) is waited for instead
of failing the requests and jobs that needed it meanwhile."""


def redis_implementations(
    url: str, prefix: str, settings: ServerSettings
) -> ServiceImplementations:
    """Every service the Redis backend shares, under ``prefix``, once ``url`` answers."""
    shown = redacted(url)
    check_reachable(url, shown)
    lease = lease_seconds()
    client = Redis.from_url(
        url,
        socket_connect_timeout=CONNECT_TIMEOUT,
        max_connections=MAX_CONNECTIONS,
        retry=Retry(ExponentialBackoff(cap=1.0, base=0.05), RECONNECT_TRIES),
        retry_on_error=[RedisConnectionError, RedisTimeoutError],
    )
    feeds = RedisChunkFeeds(client, prefix)

    def queue(streams: EventStreams, *, max_size: int | None, eta_of: EtaOf | None) -> JobQueue:
        return RedisQueue(
            client, prefix, streams, max_size=max_size, eta_of=eta_of, lease_seconds=lease
        )

    async def release() -> None:
        await feeds.stop()
        await client.aclose()

    return {
        "streams": RedisEventStreams(client, prefix),
        "sessions": RedisSessionStore(client, prefix, capacity=settings.state_session_capacity),
        "tokens": RedisTokenStore(client, prefix, TOKEN_TTL),
        "login_limiter": RedisLoginLimiter(client, prefix),
        "uploads": RedisUploadProgress(client, prefix),
        "durations": RedisDurations(client, prefix),
        "feeds": feeds,
        "queue": queue,
        "on_stop": release,
    }


def lease_seconds() -> float:
    """How long a claimed job's lease lasts: ``LIMELIGHT_LEASE_SECONDS``, else 15. A job of a
    process that died is given again (or fails with ``worker_lost``) at most this long after
    its last renewal; a shorter lease notices sooner but renews (one Redis call per process)
    more often."""
    text = os.environ.get(LEASE_ENV, "").strip()
    if not text:
        return LEASE_SECONDS
    try:
        lease = float(text)
    except ValueError:
        raise ValueError(f"{LEASE_ENV}={text!r}: give the lease in seconds") from None
    if lease <= 0:
        raise ValueError(f"{LEASE_ENV}={text!r}: the lease must be positive")
    return lease


def check_reachable(url: str, shown: str) -> None:
    """Raise ``ConnectionError`` naming ``shown`` (the URL without its password) unless the
    Redis at ``url`` answers a ``PING``; ``ValueError`` when ``url`` is malformed."""
    try:
        probe = BlockingRedis.from_url(
            url, socket_connect_timeout=CONNECT_TIMEOUT, socket_timeout=CONNECT_TIMEOUT
        )
    except ValueError as exc:
        raise ValueError(f"Bad Redis backend URL {shown!r}: {exc}") from None
    try:
        probe.ping()
    except RedisError as exc:
        raise ConnectionError(f"Cannot reach the Redis backend at {shown!r}: {exc}") from None
    finally:
        probe.close()
