"""JSON schemas of Python type hints, for endpoints typed by their function (``gr.api``).

The schemas are spelled as Gradio spells them (``{"oneOf": [null, X]}`` for ``X | None``,
``{"enum": [...]}`` for a ``Literal``), so ``/gradio_api/info`` reads the same on both.
"""

from __future__ import annotations

import dataclasses
import enum
import types
import typing
from collections.abc import Callable
from typing import Any

__all__ = ["schema_of"]

_PLAIN: dict[Any, dict[str, Any]] = {
    type(None): {"type": "null"},
    None: {"type": "null"},
    Any: {},
    str: {"type": "string"},
    int: {"type": "integer"},
    float: {"type": "number"},
    bool: {"type": "boolean"},
    bytes: {"type": "string", "format": "byte"},
    dict: {"type": "object", "additionalProperties": {}},
    list: {"type": "array", "items": {}},
    tuple: {"type": "array"},
    set: {"type": "array", "uniqueItems": True},
    frozenset: {"type": "array", "uniqueItems": True},
}


def schema_of(hint: Any) -> dict[str, Any]:
    """The JSON schema of ``hint``; ``{}`` (any value) for what JSON cannot describe."""
    try:
        return _schema(hint)
    except (TypeError, ValueError):
        return {}


def _schema(hint: Any) -> dict[str, Any]:
    if _hashable(hint) and hint in _PLAIN:
        return dict(_PLAIN[hint])
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is not None and origin in _GENERIC:
        return _GENERIC[origin](args)
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return {"enum": [member.value for member in hint]}
    if isinstance(hint, type) and (dataclasses.is_dataclass(hint) or _is_typed_dict(hint)):
        fields = typing.get_type_hints(hint)
        return {"type": "object", "properties": {k: _schema(v) for k, v in fields.items()}}
    return {}


def _hashable(hint: Any) -> bool:
    try:
        hash(hint)
    except TypeError:
        return False
    return True


def _is_typed_dict(hint: type) -> bool:
    return issubclass(hint, dict) and hasattr(hint, "__annotations__")


def _literal(args: tuple[Any, ...]) -> dict[str, Any]:
    return {"const": args[0]} if len(args) == 1 else {"enum": list(args)}


def _union(args: tuple[Any, ...]) -> dict[str, Any]:
    others = [a for a in args if a is not type(None)]
    if len(args) == 2 and len(others) == 1:  # ``X | None``: the null case first
        return {"oneOf": [{"type": "null"}, _schema(others[0])]}
    return {"anyOf": [_schema(a) for a in args]}


def _list(args: tuple[Any, ...]) -> dict[str, Any]:
    return {"type": "array", "items": _schema(args[0]) if args else {}}


def _set(args: tuple[Any, ...]) -> dict[str, Any]:
    return {"type": "array", "uniqueItems": True, **({"items": _schema(args[0])} if args else {})}


def _tuple(args: tuple[Any, ...]) -> dict[str, Any]:
    if not args:
        return {"type": "array"}
    if len(args) == 2 and args[1] is Ellipsis:
        return {"type": "array", "items": _schema(args[0])}
    items = [_schema(a) for a in args]
    return {"type": "array", "prefixItems": items, "minItems": len(args), "maxItems": len(args)}


def _dict(args: tuple[Any, ...]) -> dict[str, Any]:
    if args and args[0] is not str:
        raise ValueError("JSON objects have string keys only")
    return {"type": "object", "additionalProperties": _schema(args[1]) if args else {}}


_GENERIC: dict[Any, Callable[[tuple[Any, ...]], dict[str, Any]]] = {
    typing.Literal: _literal,
    typing.Union: _union,
    types.UnionType: _union,
    list: _list,
    set: _set,
    frozenset: _set,
    tuple: _tuple,
    dict: _dict,
}
