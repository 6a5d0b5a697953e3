"""What a login leaves behind: the tokens handed out and the failed attempts counted.

Both sit behind small async interfaces so that replicas of one app can share them (a
login valid on all, failures counted across all; docs/security.md #19, #38); the in-memory
implementations serve one process. ``clock`` is injectable so that expiry and windows
are tested without waiting.
"""

from __future__ import annotations

import secrets
import time
from abc import ABC, abstractmethod
from collections import deque
from collections.abc import Callable

__all__ = [
    "ROTATION_GRACE",
    "InMemoryLoginLimiter",
    "InMemoryTokenStore",
    "LoginLimiter",
    "TokenStore",
]

ROTATION_GRACE = 60.0
"""Seconds a rotated-out token still works (the page's requests in flight carry it)."""


class TokenStore(ABC):
    """Login tokens: each names the user it was issued to until it is revoked or expires."""

    @abstractmethod
    async def issue(self, username: str) -> str:
        """A new, unguessable token for ``username``."""

    @abstractmethod
    async def user(self, token: str) -> str | None:
        """Who ``token`` belongs to, or None when it is unknown, revoked or expired."""

    @abstractmethod
    async def revoke(self, token: str) -> None:
        """Forget ``token`` (logout)."""

    @abstractmethod
    async def rotate(self, token: str) -> str | None:
        """A new token for ``token``'s user once ``token`` has lived half its life (so a
        token in use is replaced long before it expires, and a stolen one goes stale);
        ``token`` itself then lasts ``ROTATION_GRACE`` seconds more at most, for requests
        already under way with it. None while it is young, unknown or without expiry."""

    @abstractmethod
    async def expire(self) -> int:
        """Forget expired tokens; returns how many were forgotten."""


class InMemoryTokenStore(TokenStore):
    """Tokens of this process. ``ttl`` is a token's life in seconds from its issue (None:
    until logout or restart, as Gradio keeps them)."""

    def __init__(
        self, ttl: float | None = None, *, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.ttl = ttl
        self.clock = clock
        # token -> (user, issued, when it stops working: None for never)
        self._tokens: dict[str, tuple[str, float, float | None]] = {}

    async def issue(self, username: str) -> str:
        token = secrets.token_urlsafe(32)
        now = self.clock()
        self._tokens[token] = (username, now, None if self.ttl is None else now + self.ttl)
        return token

    async def user(self, token: str) -> str | None:
        entry = self._tokens.get(token)
        if entry is None or self._expired(entry[2]):
            return None
        return entry[0]

    async def revoke(self, token: str) -> None:
        self._tokens.pop(token, None)

    async def rotate(self, token: str) -> str | None:
        entry = self._tokens.get(token)
        if entry is None or self.ttl is None or self._expired(entry[2]):
            return None
        user, issued, ends = entry
        now = self.clock()
        if now - issued < self.ttl / 2:
            return None
        grace = now + ROTATION_GRACE
        self._tokens[token] = (user, issued, grace if ends is None else min(ends, grace))
        return await self.issue(user)

    async def expire(self) -> int:
        stale = [token for token, (_, _, ends) in self._tokens.items() if self._expired(ends)]
        for token in stale:
            del self._tokens[token]
        return len(stale)

    def _expired(self, ends: float | None) -> bool:
        return ends is not None and self.clock() >= ends


class LoginLimiter(ABC):
    """Counts failed logins per client and refuses a client that failed too often lately."""

    @abstractmethod
    async def retry_after(self, client: str) -> int:
        """Seconds until ``client`` may try again (0: now)."""

    @abstractmethod
    async def failed(self, client: str) -> None:
        """Count a failed login of ``client``."""

    @abstractmethod
    async def succeeded(self, client: str) -> None:
        """``client`` logged in: forget its failures."""

    @abstractmethod
    async def expire(self) -> int:
        """Forget clients whose failures have all left the window; returns how many."""


class InMemoryLoginLimiter(LoginLimiter):
    """Refuses a client after ``limit`` failures within ``window`` seconds, until the
    oldest of them leaves the window; counts kept in this process, for ``max_clients`` at
    most (the client that failed least recently is forgotten first, so a flood of made-up
    names costs bounded memory)."""

    def __init__(
        self,
        limit: int = 10,
        window: float = 60.0,
        *,
        clock: Callable[[], float] = time.monotonic,
        max_clients: int = 100_000,
    ) -> None:
        self.limit = limit
        self.window = window
        self.clock = clock
        self.max_clients = max_clients
        self._failures: dict[str, deque[float]] = {}

    async def retry_after(self, client: str) -> int:
        failures = self._recent(client)
        if len(failures) < self.limit:
            return 0
        return max(1, int(failures[0] + self.window - self.clock()) + 1)

    async def failed(self, client: str) -> None:
        failures = self._recent(client)
        failures.append(self.clock())
        # Re-inserted last: the dict's order is then that of each client's latest failure.
        self._failures.pop(client, None)
        self._failures[client] = failures
        while len(self._failures) > self.max_clients:
            del self._failures[next(iter(self._failures))]

    async def succeeded(self, client: str) -> None:
        self._failures.pop(client, None)

    async def expire(self) -> int:
        clients = list(self._failures)
        for client in clients:
            self._recent(client)
        return len(clients) - len(self._failures)

    def _recent(self, client: str) -> deque[float]:
        """The client's failures within the window; a client with none is not kept, so
        addresses that only ever log in cost no memory."""
        failures = self._failures.get(client, deque())
        cutoff = self.clock() - self.window
        while failures and failures[0] <= cutoff:
            failures.popleft()
        if not failures:
            self._failures.pop(client, None)
        return failures
