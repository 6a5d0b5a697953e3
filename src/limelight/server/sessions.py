"""The session store: each browser session's State values and updated props.

Sessions are keyed by the ``session_hash`` the client chose. The in-memory store forgets
a session once it has been idle for ``ttl`` seconds.
"""

from __future__ import annotations

import time
from abc import ABC, abstractmethod

from ..session_data import SessionData

__all__ = ["InMemorySessionStore", "SessionStore"]


class SessionStore(ABC):
    """Loads and saves ``SessionData`` by session hash."""

    @abstractmethod
    async def load(self, session_hash: str) -> SessionData:
        """The session's data; a new, empty one for an unknown hash."""

    @abstractmethod
    async def save(self, session_hash: str, data: SessionData) -> None:
        """Store the session's data after a call changed it."""

    @abstractmethod
    async def delete(self, session_hash: str) -> None:
        """Forget the session."""

    @abstractmethod
    async def expire(self) -> list[SessionData]:
        """Forget sessions idle past the store's time to live; returns their data."""


class InMemorySessionStore(SessionStore):
    """Sessions held in this process's memory."""

    def __init__(self, ttl: float = 3600.0) -> None:
        self.ttl = ttl
        self._sessions: dict[str, tuple[float, SessionData]] = {}

    async def load(self, session_hash: str) -> SessionData:
        entry = self._sessions.get(session_hash)
        data = entry[1] if entry else SessionData()
        self._sessions[session_hash] = (time.monotonic(), data)
        return data

    async def save(self, session_hash: str, data: SessionData) -> None:
        self._sessions[session_hash] = (time.monotonic(), data)

    async def delete(self, session_hash: str) -> None:
        self._sessions.pop(session_hash, None)

    async def expire(self) -> list[SessionData]:
        cutoff = time.monotonic() - self.ttl
        stale = [key for key, (touched, _) in self._sessions.items() if touched < cutoff]
        return [self._sessions.pop(key)[1] for key in stale]

    def __len__(self) -> int:
        return len(self._sessions)
