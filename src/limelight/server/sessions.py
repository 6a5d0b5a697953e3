"""The session store: each browser session's State values and updated props.

Sessions are keyed by the ``session_hash`` the client chose. The in-memory store forgets
a session once it has been idle for ``ttl`` seconds, and the least recently used one when it
holds more than ``capacity`` (``launch(state_session_capacity=)``).
"""

from __future__ import annotations

import time
from abc import ABC, abstractmethod
from collections import OrderedDict

from limelight.app.session_data import SessionData

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
        """Forget sessions idle past the store's time to live (and those evicted to stay
        within capacity since the last call); returns their data."""


class InMemorySessionStore(SessionStore):
    """Sessions held in this process's memory."""

    def __init__(self, ttl: float = 3600.0, capacity: int = 10000) -> None:
        if capacity < 1:
            raise ValueError(f"state_session_capacity must be at least 1, not {capacity}")
        self.ttl = ttl
        self.capacity = capacity
        # Kept in order of last use, so the least recently used session is the first.
        self._sessions: OrderedDict[str, tuple[float, SessionData]] = OrderedDict()
        self._evicted: list[SessionData] = []

    async def load(self, session_hash: str) -> SessionData:
        entry = self._sessions.get(session_hash)
        data = entry[1] if entry else SessionData()
        self._touch(session_hash, data)
        return data

    async def save(self, session_hash: str, data: SessionData) -> None:
        self._touch(session_hash, data)

    def _touch(self, session_hash: str, data: SessionData) -> None:
        self._sessions[session_hash] = (time.monotonic(), data)
        self._sessions.move_to_end(session_hash)
        while len(self._sessions) > self.capacity:
            self._evicted.append(self._sessions.popitem(last=False)[1][1])

    async def delete(self, session_hash: str) -> None:
        self._sessions.pop(session_hash, None)

    async def expire(self) -> list[SessionData]:
        cutoff = time.monotonic() - self.ttl
        stale = [key for key, (touched, _) in self._sessions.items() if touched < cutoff]
        gone, self._evicted = self._evicted, []
        return gone + [self._sessions.pop(key)[1] for key in stale]

    def __len__(self) -> int:
        return len(self._sessions)
