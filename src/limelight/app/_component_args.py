"""Gradio 6's component arguments: a parameter annotated with a component class
(``def double(x: gr.Number)``) receives the component as this session sees it, its value
preprocessed; changing its attributes and returning it updates those props and the value.
"""

from __future__ import annotations

import functools
import inspect
import typing
from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

from limelight.app.injection import injected_parameters
from limelight.components.base import UPDATE, Component

__all__ = ["ComponentArgument", "argument_inputs", "argument_payload", "component_positions"]


class ComponentArgument(SimpleNamespace):
    """A component's props and preprocessed ``value``, as a function received them."""

    def __init__(self, component: Component, value: Any) -> None:
        props = {
            name: getattr(component, name)
            for name in component.props()
            if name.isidentifier() and hasattr(component, name)
        }
        super().__init__(**{**props, "value": value})
        self._given = dict(vars(self))

    def as_update(self) -> dict[str, Any]:
        """The update the function asked for: every prop it changed, and the value."""
        now = {k: v for k, v in vars(self).items() if not k.startswith("_")}
        changed = {k: v for k, v in now.items() if k != "value" and self._given.get(k) != v}
        return {"__type__": UPDATE, **changed, "value": now.get("value")}


def argument_payload(payload: Any) -> Any:
    """The value payload inside what a client sent for a component argument.

    As in Gradio's protocol, the page sends the component's props with its value under
    ``"value"``; a dict without one (``gradio_client`` sending a bare file) carries no value.
    A payload that is not a dict is taken as the value itself (where Gradio would fail).
    """
    return payload.get("value") if isinstance(payload, dict) else payload


def argument_inputs(fn: Callable[..., Any] | None, input_names: Any) -> frozenset[int]:
    """The inputs passed to ``fn`` as component arguments (none when inputs are named)."""
    return component_positions(fn) if input_names is None else frozenset()


def component_positions(fn: Callable[..., Any] | None) -> frozenset[int]:
    """Which positional inputs of ``fn`` are annotated with a component class."""
    if fn is None:
        return frozenset()
    try:
        return _positions(fn)
    except TypeError:  # an unhashable callable object
        return _positions.__wrapped__(fn)


@functools.lru_cache(maxsize=4096)
def _positions(fn: Callable[..., Any]) -> frozenset[int]:
    try:
        parameters = list(inspect.signature(fn).parameters.values())
    except (TypeError, ValueError):
        return frozenset()
    try:
        hints = typing.get_type_hints(fn)
    except Exception:  # unresolvable string annotations: fall back to the raw ones
        hints = {p.name: p.annotation for p in parameters}
    positional = (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)
    injected = injected_parameters(fn)
    found = set()
    index = 0
    for parameter in parameters:
        if parameter.kind not in positional or parameter.name in injected:
            continue
        hint = hints.get(parameter.name)
        if isinstance(hint, type) and issubclass(hint, Component):
            found.add(index)
        index += 1
    return frozenset(found)
