"""Arguments a function receives by declaring them, not from its inputs.

A parameter annotated ``gr.Request`` gets the request, one annotated ``gr.EventData`` (or
``gr.SelectData``) gets the event's data, one annotated ``gr.Header`` a request header,
one annotated ``gr.OAuthProfile``/``gr.OAuthToken`` the signed-in user (see ``oauth``), and
one whose default is ``gr.Progress()`` (or annotated so) gets a progress tracker, and one
annotated ``FileContext`` (limelight's own, for ``gr.load``'s events) the event's access to
files. They take no input component.
"""

from __future__ import annotations

import functools
import inspect
import typing
from collections.abc import Callable, Mapping
from typing import Any

from limelight.app.oauth import OAuthProfile, OAuthToken
from limelight.app.progress import Progress
from limelight.core.events import EventData
from limelight.files.processing import FileContext
from limelight.request import Header, Request

__all__ = ["accepts_none", "injected_parameters", "parameters_of", "place_injected"]

INJECTABLE: tuple[type, ...] = (
    Request,
    EventData,
    Progress,
    Header,
    OAuthProfile,
    OAuthToken,
    FileContext,
)


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


def accepts_none(fn: Callable[..., Any], name: str) -> bool:
    """Whether ``fn``'s parameter ``name`` is annotated to accept None (``X | None``)."""
    try:
        hint = typing.get_type_hints(fn).get(name)
    except Exception:  # unresolvable string annotations: read the raw text
        hint = parameters_of(fn)[name].annotation
        return isinstance(hint, str) and ("None" in hint or "Optional" in hint)
    return type(None) in _union_members(hint)


def place_injected(
    fn: Callable[..., Any], values: list[Any], injected: dict[str, Any]
) -> tuple[list[Any], dict[str, Any]]:
    """The positional arguments and keywords that call ``fn`` with its input ``values`` and
    ``injected`` ones: inputs fill the parameters that are not injected, in order, so an
    injected parameter may come first (``def flag(data: gr.LikeData, history)``)."""
    if not injected:
        return values, {}
    try:
        names = _positional_names(fn)
    except TypeError:  # an unhashable callable object
        names = _positional_names.__wrapped__(fn)
    keywords = dict(injected)
    args: list[Any] = []
    taken = 0
    for name in names:
        if taken == len(values):
            break
        if name in keywords:
            args.append(keywords.pop(name))
        else:
            args.append(values[taken])
            taken += 1
    args.extend(values[taken:])
    return args, keywords


@functools.lru_cache(maxsize=4096)
def _positional_names(fn: Callable[..., Any]) -> tuple[str, ...]:
    try:
        parameters = inspect.signature(fn).parameters.values()
    except (TypeError, ValueError):
        return ()
    positional = (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)
    return tuple(p.name for p in parameters if p.kind in positional)


def _union_members(hint: Any) -> tuple[Any, ...]:
    args = typing.get_args(hint)
    return args if args and typing.get_origin(hint) in (typing.Union, _UnionType) else (hint,)


_UnionType: Any = type(int | str)
