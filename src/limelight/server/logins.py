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

__all__ = ["InMemoryLoginLimiter", "InMemoryTokenStore", "LoginLimiter", "TokenStore"]


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
        self._tokens: dict[str, tuple[str, float]] = {}

    async def issue(self, username: str) -> str:
        token = secrets.token_urlsafe(32)
        self._tokens[token] = (username, self.clock())
        return token

    async def user(self, token: str) -> str | None:
        entry = self._tokens.get(token)
        if entry is None or self._expired(entry[1]):
            return None
        return entry[0]

    async def revoke(self, token: str) -> None:
        self._tokens.pop(token, None)

    async def expire(self) -> int:
        stale = [token for token, (_, issued) in self._tokens.items() if self._expired(issued)]
        for token in stale:
            del self._tokens[token]
        return len(stale)

    def _expired(self, issued: float) -> bool:
        return self.ttl is not None and self.clock() - issued >= self.ttl


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
    oldest of them leaves the window; counts kept in this process."""

    def __init__(
        self,
        limit: int = 10,
        window: float = 60.0,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.limit = limit
        self.window = window
        self.clock = clock
        self._failures: dict[str, deque[float]] = {}

    async def retry_after(self, client: str) -> int:
        failures = self._recent(client)
        if len(failures) < self.limit:
            return 0
        return max(1, int(failures[0] + self.window - self.clock()) + 1)

    async def failed(self, client: str) -> None:
        failures = self._recent(client)
        failures.append(self.clock())
        self._failures[client] = failures

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
