"""``@gr.cache`` memoizes a function's results; ``gr.Cache()`` is a store a function fills itself.

Both keep at most ``max_size`` entries and drop the least recently used first. Results are kept
in this process's memory for every visitor alike (``per_session`` and ``max_memory`` are accepted
and not applied). A cached generator replays the values it yielded.
"""

from __future__ import annotations

import functools
import hashlib
import inspect
import threading
from collections import OrderedDict
from collections.abc import AsyncIterator, Callable, Hashable, Iterator
from typing import Any, TypeVar, overload

__all__ = ["Cache", "cache"]

F = TypeVar("F", bound=Callable[..., Any])
_MISSING = object()


class Cache:
    """A store for a function to fill by hand: ``c.get(key)`` gives what ``c.set(key, ...)``
    stored (a dict of the keyword values), or None. Declare it as a parameter default,
    ``def fn(x, c=gr.Cache()):``, so one store serves every call."""

    def __init__(
        self, *, max_size: int = 128, max_memory: str | int | None = None, per_session: bool = False
    ) -> None:
        if max_size < 1:
            raise ValueError("max_size must be at least 1")
        self.max_size = max_size
        self.max_memory = max_memory
        self.per_session = per_session
        self._entries: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Any) -> Any:
        """What was stored under ``key`` (marked as recently used), or None."""
        found = self._lookup(_fingerprint(key))
        return None if found is _MISSING else found

    def set(self, key: Any, **values: Any) -> None:
        """Store ``values`` (as a dict) under ``key``."""
        self._store(_fingerprint(key), values)

    def keys(self) -> list[Hashable]:
        """The keys stored, least recently used first (as fingerprints of the keys given)."""
        with self._lock:
            return list(self._entries)

    def clear(self) -> None:
        """Forget everything stored."""
        with self._lock:
            self._entries.clear()

    def _lookup(self, key: Hashable) -> Any:
        with self._lock:
            if key not in self._entries:
                return _MISSING
            self._entries.move_to_end(key)
            return self._entries[key]

    def _store(self, key: Hashable, value: Any) -> None:
        with self._lock:
            self._entries[key] = value
            self._entries.move_to_end(key)
            while len(self._entries) > self.max_size:
                self._entries.popitem(last=False)


@overload
def cache(fn: F, *, key: Callable[..., Any] | None = None, max_size: int = 128) -> F: ...


@overload
def cache(
    fn: None = None,
    *,
    key: Callable[..., Any] | None = None,
    max_size: int = 128,
    max_memory: str | int | None = None,
    per_session: bool = False,
) -> Callable[[F], F]: ...


def cache(
    fn: Callable[..., Any] | None = None,
    *,
    key: Callable[..., Any] | None = None,
    max_size: int = 128,
    max_memory: str | int | None = None,
    per_session: bool = False,
) -> Any:
    """Memoize ``fn`` (plain, async, generator or async generator): a call with arguments seen
    before returns the stored result without running it. ``key(*args, **kwargs)`` picks what
    identifies a call (all arguments by default). Use as ``@gr.cache``, ``@gr.cache(...)`` or
    ``gr.cache(fn)(...)``."""
    if fn is None:
        return functools.partial(
            cache, key=key, max_size=max_size, max_memory=max_memory, per_session=per_session
        )
    store = Cache(max_size=max_size, max_memory=max_memory, per_session=per_session)
    return _memoized(fn, store, key)


def _memoized(fn: Callable[..., Any], store: Cache, key: Callable[..., Any] | None) -> Any:
    def call_key(args: tuple[Any, ...], kwargs: dict[str, Any]) -> Hashable:
        return _fingerprint(key(*args, **kwargs) if key else (args, kwargs))

    if inspect.isasyncgenfunction(fn):

        async def async_gen(*args: Any, **kwargs: Any) -> AsyncIterator[Any]:
            k = call_key(args, kwargs)
            found = store._lookup(k)
            if found is not _MISSING:
                for item in found:
                    yield item
                return
            seen = []
            async for item in fn(*args, **kwargs):
                seen.append(item)
                yield item
            store._store(k, seen)

        return functools.wraps(fn)(async_gen)
    if inspect.isgeneratorfunction(fn):

        def gen(*args: Any, **kwargs: Any) -> Iterator[Any]:
            k = call_key(args, kwargs)
            found = store._lookup(k)
            if found is not _MISSING:
                yield from found
                return
            seen = []
            for item in fn(*args, **kwargs):
                seen.append(item)
                yield item
            store._store(k, seen)

        return functools.wraps(fn)(gen)
    if inspect.iscoroutinefunction(fn):

        async def coroutine(*args: Any, **kwargs: Any) -> Any:
            k = call_key(args, kwargs)
            found = store._lookup(k)
            if found is _MISSING:
                found = await fn(*args, **kwargs)
                store._store(k, found)
            return found

        return functools.wraps(fn)(coroutine)

    def plain(*args: Any, **kwargs: Any) -> Any:
        k = call_key(args, kwargs)
        found = store._lookup(k)
        if found is _MISSING:
            found = fn(*args, **kwargs)
            store._store(k, found)
        return found

    return functools.wraps(fn)(plain)


def _fingerprint(value: Any) -> Hashable:
    """A hashable stand-in for ``value``: equal for equal arguments, including arrays, images,
    lists and dicts."""
    if isinstance(value, (list, tuple)):
        return (type(value).__name__, tuple(_fingerprint(v) for v in value))
    if isinstance(value, dict):
        return ("dict", tuple(sorted((repr(k), _fingerprint(v)) for k, v in value.items())))
    data = getattr(value, "tobytes", None)
    if callable(data):  # numpy arrays and PIL images: their contents, shape and type
        digest = hashlib.sha256(data()).hexdigest()
        return (
            type(value).__name__,
            str(getattr(value, "shape", getattr(value, "size", ""))),
            digest,
        )
    try:
        hash(value)
    except TypeError:
        return ("repr", repr(value))
    return (type(value).__name__, value)
