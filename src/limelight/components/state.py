"""State: a value kept per browser session on the server, never sent over the wire."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from limelight.components.base import Component

__all__ = ["State"]


class State(Component):
    """A hidden value private to each session. Each new session starts with a deep copy of
    ``value``; functions read it as an input and replace it by returning it as an output.
    """

    TYPE = "state"
    SKIP_API = True

    def __init__(
        self,
        value: Any = None,
        *,
        render: bool = True,
        time_to_live: float | None = None,
        delete_callback: Callable[[Any], None] | None = None,
    ) -> None:
        self.time_to_live = time_to_live
        self.delete_callback = delete_callback
        super().__init__(value, render=render, visible=False)
        self.value = None

    def initial(self) -> Any:
        """A fresh copy of the initial value for a new session."""
        if self.load_fn is not None:
            return self.load_fn()
        return copy.deepcopy(self.initial_value)

    def api_info(self) -> dict[str, Any]:
        return {"type": {}, "description": "any valid json"}
