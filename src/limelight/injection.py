"""Arguments a function receives by declaring them, not from its inputs.

A parameter annotated ``gr.Request`` gets the request, one annotated ``gr.EventData`` (or
``gr.SelectData``) gets the event's data, and one whose default is ``gr.Progress()`` (or
annotated so) gets a progress tracker. They take no input component.
"""

from __future__ import annotations

import functools
import inspect
import typing
from collections.abc import Callable, Mapping
from typing import Any

from .events import EventData
from .progress import Progress
from .request import Request

__all__ = ["injected_parameters", "parameters_of"]

INJECTABLE: tuple[type, ...] = (Request, EventData, Progress)


def parameters_of(fn: Callable[..., Any]) -> Mapping[str, inspect.Parameter]:
    """The parameters in ``fn``'s signature (empty if it has none that can be read).

    Cached per function: ``inspect.signature`` costs about as much as a trivial call.
    """
    try:
        return _signature(fn)
    except TypeError:  # an unhashable callable object
        return _read_signature(fn)


@functools.lru_cache(maxsize=4096)
def _signature(fn: Callable[..., Any]) -> Mapping[str, inspect.Parameter]:
    return _read_signature(fn)


def _read_signature(fn: Callable[..., Any]) -> Mapping[str, inspect.Parameter]:
    try:
        return inspect.signature(fn).parameters
    except (TypeError, ValueError):
        return {}


def injected_parameters(fn: Callable[..., Any]) -> dict[str, type]:
    """The parameters of ``fn`` that limelight fills in, with the type each one wants.

    Cached per function: reading a signature costs more than a whole trivial call.
    """
    try:
        return dict(_cached(fn))
    except TypeError:  # an unhashable callable object
        return _inspect(fn)


@functools.lru_cache(maxsize=4096)
def _cached(fn: Callable[..., Any]) -> tuple[tuple[str, type], ...]:
    return tuple(_inspect(fn).items())


def _inspect(fn: Callable[..., Any]) -> dict[str, type]:
    params = parameters_of(fn)
    if not params:
        return {}
    try:
        hints = typing.get_type_hints(fn)
    except Exception:  # unresolvable string annotations: fall back to the raw ones
        hints = {name: p.annotation for name, p in params.items()}
    found: dict[str, type] = {}
    for name, param in params.items():
        if isinstance(param.default, Progress):
            found[name] = Progress
            continue
        hint = hints.get(name)
        for candidate in _union_members(hint):
            if isinstance(candidate, type) and issubclass(candidate, INJECTABLE):
                found[name] = candidate
                break
    return found


def _union_members(hint: Any) -> tuple[Any, ...]:
    args = typing.get_args(hint)
    return args if args and typing.get_origin(hint) in (typing.Union, _UnionType) else (hint,)


_UnionType: Any = type(int | str)
