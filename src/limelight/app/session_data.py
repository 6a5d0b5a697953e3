"""What the server keeps for one browser session: State values and updated props."""

from __future__ import annotations

import copy
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from limelight.components.state import State
from limelight.core.block import Block
from limelight.core.dependency import Dependency

__all__ = ["RenderResult", "SessionData", "session_view"]

B = TypeVar("B", bound=Block)


@dataclass
class RenderResult:
    """What one run of a ``@gr.render`` function made for a session."""

    blocks: dict[int, Block]
    fns: list[Dependency]


@dataclass
class SessionData:
    """One session's State values (with when each was set) and the props its updates
    changed. ``clock`` is injectable so expiry can be tested without waiting."""

    states: dict[int, Any] = field(default_factory=dict)
    props: dict[int, dict[str, Any]] = field(default_factory=dict)
    set_at: dict[int, float] = field(default_factory=dict)
    rendered: dict[int, RenderResult] = field(default_factory=dict)
    """The latest render of each render container, by the container's id."""
    values: dict[int, Any] = field(default_factory=dict)
    """The latest payload of each component an event read or wrote, by id: what a deep
    link (``gr.DeepLinkButton``) restores."""
    clock: Callable[[], float] = time.monotonic

    def state_value(self, state: State) -> Any:
        """The session's value of ``state``: created from its initial value on first use,
        and again once ``time_to_live`` has passed since it was last set."""
        if state.id in self.states and self._expired(state):
            self.drop_state(state)
        if state.id not in self.states:
            self.set_state(state, state.initial())
        return self.states[state.id]

    def set_state(self, state: State, value: Any) -> None:
        """Store a new value for ``state``."""
        self.states[state.id] = value
        self.set_at[state.id] = self.clock()

    def _expired(self, state: State) -> bool:
        ttl = state.time_to_live
        return ttl is not None and self.clock() - self.set_at.get(state.id, 0.0) > ttl

    def drop_state(self, state: State) -> None:
        """Forget the session's value of ``state``, calling its ``delete_callback``."""
        value = self.states.pop(state.id, None)
        self.set_at.pop(state.id, None)
        if state.delete_callback is not None:
            state.delete_callback(value)

    def rendered_dependency(self, fn_index: int) -> Dependency | None:
        """A dependency that one of this session's renders created, by its ``fn_index``."""
        for result in self.rendered.values():
            for dep in result.fns:
                if dep.id == fn_index:
                    return dep
        return None

    def rendered_block(self, block_id: int) -> Block | None:
        """A block that one of this session's renders created, by its id."""
        for result in self.rendered.values():
            if block_id in result.blocks:
                return result.blocks[block_id]
        return None

    def close(self, states: list[State]) -> None:
        """The session ended: give every State value with a ``delete_callback`` to it."""
        for state in states:
            if state.id in self.states:
                self.drop_state(state)


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
