"""Login tokens and failed-login counts in Redis, shared by every process of the app: a
token issued by one process is valid on all, and failures count across all
(docs/security.md #19, #38).

Times come from ``clock`` (wall-clock seconds, alike on every host; injectable for tests),
so a token's life and the limiter's window are judged the same wherever a request lands.
Each key also carries a Redis expiry, so nothing outlives its use when no process sweeps.
"""

from __future__ import annotations

import json
import secrets
import time
from collections.abc import Callable

from limelight.backends.redis.scripts import Client, Sweeper, millis
from limelight.server.logins import LoginLimiter, TokenStore

__all__ = ["RedisLoginLimiter", "RedisTokenStore"]


class RedisTokenStore(TokenStore):
    """Tokens in Redis under ``prefix``: each key holds the user and the time of issue.
    ``ttl`` is a token's life in seconds (None: until logout)."""

    def __init__(
        self,
        client: Client,
        prefix: str,
        ttl: float | None = None,
        *,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.ttl = ttl
        self.clock = clock
        self._client = client
        self._prefix = f"{prefix}token:"
        self._index = f"{prefix}tokens"
        self._sweeper = Sweeper(client, self._index, self._prefix)

    async def issue(self, username: str) -> str:
        token = secrets.token_urlsafe(32)
        issued = self.clock()
        life = None if self.ttl is None else millis(self.ttl)
        async with self._client.pipeline(transaction=True) as pipe:
            pipe.set(self._prefix + token, json.dumps([username, issued]), px=life)
            if self.ttl is not None:
                pipe.zadd(self._index, {token: issued})
            await pipe.execute()
        return token

    async def user(self, token: str) -> str | None:
        stored = await self._client.get(self._prefix + token)
        if stored is None:
            return None
        username, issued = json.loads(stored)
        if self.ttl is not None and self.clock() - issued >= self.ttl:
            return None
        return str(username)

    async def revoke(self, token: str) -> None:
        async with self._client.pipeline(transaction=True) as pipe:
            pipe.delete(self._prefix + token)
            pipe.zrem(self._index, token)
            await pipe.execute()

    async def expire(self) -> int:
        if self.ttl is None:
            return 0
        return len(await self._sweeper.members(str(self.clock() - self.ttl)))


class RedisLoginLimiter(LoginLimiter):
    """Refuses a client after ``limit`` failures within ``window`` seconds, counted in
    Redis: a sorted set of failure times per client, and an index of clients by their
    latest failure for ``expire``."""

    def __init__(
        self,
        client: Client,
        prefix: str,
        limit: int = 10,
        window: float = 60.0,
        *,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.limit = limit
        self.window = window
        self.clock = clock
        self._client = client
        self._prefix = f"{prefix}login-failures:"
        self._index = f"{prefix}login-clients"
        self._sweeper = Sweeper(client, self._index, self._prefix)

    async def retry_after(self, client: str) -> int:
        now = self.clock()
        key = self._prefix + client
        async with self._client.pipeline(transaction=True) as pipe:
            pipe.zremrangebyscore(key, "-inf", now - self.window)
            pipe.zcard(key)
            pipe.zrange(key, 0, 0, withscores=True)
            _, count, oldest = await pipe.execute()
        if count < self.limit:
            return 0
        return max(1, int(oldest[0][1] + self.window - now) + 1)

    async def failed(self, client: str) -> None:
        now = self.clock()
        key = self._prefix + client
        # A unique member per failure: two failures at one instant both count.
        member = f"{now}:{secrets.token_hex(4)}"
        async with self._client.pipeline(transaction=True) as pipe:
            pipe.zremrangebyscore(key, "-inf", now - self.window)
            pipe.zadd(key, {member: now})
            pipe.pexpire(key, millis(self.window))
            pipe.zadd(self._index, {client: now})
            await pipe.execute()

    async def succeeded(self, client: str) -> None:
        async with self._client.pipeline(transaction=True) as pipe:
            pipe.delete(self._prefix + client)
            pipe.zrem(self._index, client)
            await pipe.execute()

    async def expire(self) -> int:
        return len(await self._sweeper.members(str(self.clock() - self.window)))
