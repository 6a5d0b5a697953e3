"""The session store: each browser session's State values, updated props and renders.

Sessions are keyed by the ``session_hash`` the client chose. The in-memory store forgets
a session once it has been idle for ``ttl`` seconds, and the least recently used one when it
holds more than ``capacity`` (``launch(state_session_capacity=)``).

Concurrent writers. Every caller loads a session, runs an event on it and saves it; events
of one session may run at once, in one process or (with a shared backend) in several. Saves
are optimistic: ``SessionData.version`` counts the saves, ``save`` raises ``SessionConflict``
when the stored version is no longer the one the data was loaded at, and ``commit`` (what
callers use) then loads the newer data, applies this caller's writes to it
(``SessionData.replay_onto``: the writes are known, so nothing is guessed) and saves again.
Per key, the last writer wins, as within one process. A per-session lock held across
load/run/save was the alternative; it would make a session's events wait for each other
(a long generator would hold up every other event of its page, which Gradio runs at once)
and a lock held by a process that died needs leases. Optimistic saves hold nothing.

Serialising. A store that keeps sessions outside the process stores ``dump_session(data)``
and loads ``load_session(blob)``: pickle, because State values may be any Python object
(State values and render inputs must then be picklable; the live blocks and listeners of
renders are left out and rebuilt where needed). Pickle runs code when it loads, so such a
store must be one only the app's own processes can write. The in-memory store keeps the
live ``SessionData`` and never serialises: every caller in the process shares one object,
so its own saves cannot conflict and a call pays no copying.
"""

from __future__ import annotations

import pickle
import time
from abc import ABC, abstractmethod
from collections import OrderedDict

from limelight.app.session_data import SessionData

__all__ = [
    "InMemorySessionStore",
    "SessionConflict",
    "SessionStore",
    "dump_session",
    "load_session",
]

COMMIT_ATTEMPTS = 8
"""How often ``commit`` re-applies a caller's writes before it gives up."""


class SessionConflict(Exception):
    """Another writer saved the session after this data was loaded."""

    def __init__(self, session_hash: str, loaded: int, stored: int) -> None:
        super().__init__(
            f"Session {session_hash!r} was saved by another writer (version {stored}) "
            f"since this data was loaded (version {loaded}); load it again and re-apply."
        )
        self.session_hash = session_hash


def dump_session(data: SessionData) -> bytes:
    """``data`` as bytes, for a store outside the process (pickle: State values may be any
    Python object). The live renders, the change log and the clock are left out."""
    return pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL)


def load_session(blob: bytes) -> SessionData:
    """The ``SessionData`` ``dump_session`` made. Only for bytes the app itself stored:
    unpickling runs code."""
    data = pickle.loads(blob)
    if not isinstance(data, SessionData):
        raise TypeError(f"expected pickled SessionData, got {type(data).__name__}")
    return data


class SessionStore(ABC):
    """Loads and saves ``SessionData`` by session hash."""

    @abstractmethod
    async def load(self, session_hash: str) -> SessionData:
        """The session's data; a new, empty one (version 0) for an unknown hash."""

    @abstractmethod
    async def save(self, session_hash: str, data: SessionData) -> None:
        """Store the session's data after a call changed it and count the save in
        ``data.version``; ``SessionConflict`` when the session was saved since ``data``
        was loaded (its stored version is not ``data.version``)."""

    @abstractmethod
    async def delete(self, session_hash: str) -> None:
        """Forget the session."""

    @abstractmethod
    async def expire(self) -> list[SessionData]:
        """Forget sessions idle past the store's time to live (and those evicted to stay
        within capacity since the last call); returns their data."""

    async def commit(self, session_hash: str, data: SessionData) -> SessionData:
        """Save ``data``; when another writer saved first, apply ``data``'s writes to the
        newer data and save that. Returns what was saved."""
        for _ in range(COMMIT_ATTEMPTS - 1):
            try:
                await self.save(session_hash, data)
                return data
            except SessionConflict:
                data = data.replay_onto(await self.load(session_hash))
        await self.save(session_hash, data)
        return data


class InMemorySessionStore(SessionStore):
    """Sessions held in this process's memory, as live objects (never serialised)."""

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
        entry = self._sessions.get(session_hash)
        # The stored object itself holds every write already; only another copy can be stale.
        if entry is not None and entry[1] is not data and entry[1].version != data.version:
            raise SessionConflict(session_hash, data.version, entry[1].version)
        data.version += 1
        self._touch(session_hash, data)

    async def commit(self, session_hash: str, data: SessionData) -> SessionData:
        entry = self._sessions.get(session_hash)
        if entry is not None and entry[1] is not data:
            return await super().commit(session_hash, data)
        # What callers in this process save: the stored object, which cannot be stale.
        data.version += 1
        self._touch(session_hash, data)
        return data

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
