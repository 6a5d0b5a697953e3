"""What the server keeps for one browser session: State values, updated props, the values
a deep link restores and what its ``@gr.render`` runs made.

``SessionData`` is plain data, so a session store may keep it anywhere: State values and
the render functions' inputs are any Python objects (a store that leaves the process pickles
them, see ``server/sessions.py``); props and payloads are JSON values; a render run is kept as
its ``render_config`` and the ids and keys it gave out (``RenderResult``). The live blocks
and listeners a run made are a cache of this process (``RenderResult.live``), left out when
the data is pickled; a process without them rebuilds them by running the render function
again on the stored inputs (``app/render.py``, ``restore_render``).

Each write through the methods below is remembered (``changes``), so that a caller whose
save lost a race against another process can apply the same writes to the newer data
(``replay_onto``) instead of overwriting it.
"""

from __future__ import annotations

import copy
import time
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any, TypeVar, cast

from limelight.components.state import State
from limelight.core.block import Block
from limelight.core.dependency import Dependency

__all__ = [
    "BlockKey",
    "LiveRender",
    "RenderIds",
    "RenderResult",
    "SessionData",
    "block_key",
    "session_view",
]

B = TypeVar("B", bound=Block)

BlockKey = tuple[str, Hashable]
"""A keyed block: its class (``module.qualname``) and its ``key``."""


def block_key(block: Block) -> BlockKey:
    """What makes a block of one render run the same as one of the next: class and key."""
    cls = type(block)
    return (f"{cls.__module__}.{cls.__qualname__}", block.key)


@dataclass(frozen=True)
class RenderIds:
    """The ids one render run gave out, and those its keyed blocks and listeners hold: what
    the next run's ids depend on (``render.run_ids`` skips them; keys keep theirs)."""

    block_ids: frozenset[int] = frozenset()
    fn_ids: frozenset[int] = frozenset()
    block_keys: dict[BlockKey, int] = field(default_factory=dict)
    fn_keys: dict[Hashable, int] = field(default_factory=dict)


@dataclass
class LiveRender:
    """The blocks and listeners one render run made, in this process."""

    blocks: dict[int, Block]
    fns: list[Dependency]


@dataclass
class RenderResult:
    """What one run of a ``@gr.render`` function made for a session, as plain data."""

    container_id: int
    inputs: list[Any]
    """The values the function was called with; running it again on them rebuilds the run."""
    previous: RenderIds
    """The ids of the run before (this run's ids follow from them)."""
    made: RenderIds
    render_config: dict[str, Any]
    """What the browser was sent for this run."""
    live: LiveRender | None = field(default=None, compare=False)
    """This process's blocks and listeners of the run (None once pickled: rebuilt on use)."""

    def __getstate__(self) -> dict[str, Any]:
        return {**self.__dict__, "live": None}


def _default_clock() -> float:
    return time.time()


@dataclass
class SessionData:
    """One session's State values (with when each was set, in ``time.time()`` seconds, so
    that every process reads them alike) and the props its updates changed. ``clock`` is
    injectable so expiry can be tested without waiting; it is not stored."""

    states: dict[int, Any] = field(default_factory=dict)
    props: dict[int, dict[str, Any]] = field(default_factory=dict)
    set_at: dict[int, float] = field(default_factory=dict)
    rendered: dict[int, RenderResult] = field(default_factory=dict)
    """The latest render of each render container, by the container's id."""
    values: dict[int, Any] = field(default_factory=dict)
    """The latest payload of each component an event read or wrote, by id: what a deep
    link (``gr.DeepLinkButton``) restores."""
    version: int = 0
    """How many times the store saved this session; a save of older data is a conflict."""
    unloaded: bool = False
    """Whether the app's ``unload`` events have run for this session (they run once)."""
    clock: Callable[[], float] = field(default=_default_clock, compare=False, repr=False)
    changes: set[tuple[str, Hashable]] = field(default_factory=set, compare=False, repr=False)
    """The writes made since the data was loaded: ``(field, key)``."""

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        del state["clock"], state["changes"]
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state, clock=_default_clock, changes=set())

    def state_value(self, state: State) -> Any:
        """The session's value of ``state``: created from its initial value on first use,
        and again once ``time_to_live`` has passed since it was last set. Neither counts as
        a write (``changes``): a reader must not undo what a racing writer saved."""
        if state.id in self.states and self._expired(state):
            self._forget(state)
        if state.id not in self.states:
            self._put(state, state.initial())
        return self.states[state.id]

    def set_state(self, state: State, value: Any) -> None:
        """Store a new value for ``state``."""
        self._put(state, value)
        self.changes.add(("states", state.id))

    def _put(self, state: State, value: Any) -> None:
        self.states[state.id] = value
        self.set_at[state.id] = self.clock()

    def _expired(self, state: State) -> bool:
        ttl = state.time_to_live
        return ttl is not None and self.clock() - self.set_at.get(state.id, 0.0) > ttl

    def drop_state(self, state: State) -> None:
        """Forget the session's value of ``state``, calling its ``delete_callback``."""
        self._forget(state)
        self.changes.add(("states", state.id))

    def _forget(self, state: State) -> None:
        value = self.states.pop(state.id, None)
        self.set_at.pop(state.id, None)
        if state.delete_callback is not None:
            state.delete_callback(value)

    def set_prop(self, block_id: int, name: str, value: Any) -> None:
        """An update set the block's prop ``name`` for this session."""
        self.props.setdefault(block_id, {})[name] = value
        self.changes.add(("props", (block_id, name)))

    def set_value(self, block_id: int, payload: Any) -> None:
        """An event read or wrote ``payload`` as the block's value."""
        self.values[block_id] = payload
        self.changes.add(("values", block_id))

    def set_rendered(self, result: RenderResult) -> None:
        """A render run replaced what its container held."""
        self.rendered[result.container_id] = result
        self.changes.add(("rendered", result.container_id))

    def replay_onto(self, newer: SessionData) -> SessionData:
        """Apply this data's writes to ``newer`` (what another process saved meanwhile)
        and return it, with the writes still remembered should its save conflict too."""
        for kind, key in self.changes:
            if kind == "states":
                _copy_entry(self.states, newer.states, key)
                _copy_entry(self.set_at, newer.set_at, key)
            elif kind == "unloaded":
                newer.unloaded = True
            elif kind == "props":
                block_id, name = cast(tuple[int, str], key)
                newer.props.setdefault(block_id, {})[name] = self.props[block_id][name]
            else:
                _copy_entry(getattr(self, kind), getattr(newer, kind), key)
        newer.changes |= self.changes
        return newer

    def mark_unloaded(self) -> bool:
        """Record that the session's ``unload`` events run now; False when they already
        did (or are running), so that they run once per session."""
        if self.unloaded:
            return False
        self.unloaded = True
        self.changes.add(("unloaded", None))
        return True

    def rendered_dependency(self, fn_index: int) -> Dependency | None:
        """A dependency that one of this session's renders created, by its ``fn_index``,
        among the renders this process holds live (see ``render.restore_render``)."""
        for result in self.rendered.values():
            if result.live is not None:
                for dep in result.live.fns:
                    if dep.id == fn_index:
                        return dep
        return None

    def rendered_block(self, block_id: int) -> Block | None:
        """A block that one of this session's renders created, by its id (among the
        renders this process holds live)."""
        for result in self.rendered.values():
            if result.live is not None and block_id in result.live.blocks:
                return result.live.blocks[block_id]
        return None

    def close(self, states: list[State]) -> None:
        """The session ended: give every State value with a ``delete_callback`` to it."""
        for state in states:
            if state.id in self.states:
                self.drop_state(state)


def _copy_entry(source: dict[Any, Any], target: dict[Any, Any], key: Any) -> None:
    if key in source:
        target[key] = source[key]
    else:
        target.pop(key, None)


def session_view(block: B, session: SessionData) -> B:
    """``block`` as this session sees it, after the updates it received (a copy when
    an update changed any of its props, else the block itself)."""
    overrides = session.props.get(block.id)
    if not overrides:
        return block
    view = copy.copy(block)
    for name, value in overrides.items():
        if hasattr(view, name):
            setattr(view, name, value)
    return view
