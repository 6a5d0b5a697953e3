"""``gr.api``: an API endpoint without a UI, its parameters and returns typed from the
function's type hints instead of from components."""

from __future__ import annotations

import inspect
import typing
from collections.abc import Callable
from typing import Any, Literal

from limelight.app._type_schema import schema_of
from limelight.app.injection import injected_parameters, parameters_of
from limelight.components.api_component import Api
from limelight.core.dependency import Dependency, current_root

__all__ = ["api"]

Fn = Callable[..., Any]


def api(
    fn: Fn | Literal["decorator"] = "decorator",
    *,
    api_name: str | None = None,
    api_description: str | None = None,
    queue: bool = True,
    batch: bool = False,
    max_batch_size: int = 4,
    concurrency_limit: int | Literal["default"] | None = "default",
    concurrency_id: str | None = None,
    api_visibility: Literal["public", "private", "undocumented"] = "public",
    time_limit: int | None = None,
    stream_every: float = 0.5,
) -> Dependency | Callable[[Fn], Fn]:
    """Make ``fn`` an endpoint of the app being built, called by API clients only.

    Each parameter needs a type hint; the hints (and the return hint, a ``tuple[...]`` for
    several outputs) give the endpoint's types in ``/gradio_api/info``. Parameters the
    server fills in (``gr.Request``, ``gr.Progress``, ...) are not part of it. Without
    ``fn`` it decorates the function (``@gr.api(api_name="add")``).
    """
    options: dict[str, Any] = {
        "api_name": api_name,
        "api_description": api_description,
        "queue": queue,
        "batch": batch,
        "max_batch_size": max_batch_size,
        "concurrency_limit": concurrency_limit,
        "concurrency_id": concurrency_id,
        "api_visibility": api_visibility,
        "time_limit": time_limit,
        "stream_every": stream_every,
    }
    if fn == "decorator":

        def decorate(func: Fn) -> Fn:
            _register(func, options)
            return func

        return decorate
    if not callable(fn):
        raise TypeError(f"gr.api takes a function, not {fn!r}")
    return _register(fn, options)


def _register(fn: Fn, options: dict[str, Any]) -> Dependency:
    root = current_root()
    if root is None:
        raise RuntimeError("gr.api must be called inside a `with gr.Blocks():` block")
    inputs = [
        Api(default, schema_of(hint), label=_ordinal(i), render=False)
        for i, (default, hint) in enumerate(_typed_parameters(fn), start=1)
    ]
    outputs = [
        Api(None, schema_of(hint), label=_ordinal(i), render=False)
        for i, hint in enumerate(_return_hints(fn), start=1)
    ]
    return root.add_dependency(
        [],
        fn,
        inputs,
        outputs,
        preprocess=False,
        postprocess=False,
        show_progress="hidden",
        scroll_to_output=False,
        **options,
    )


def _typed_parameters(fn: Fn) -> list[tuple[Any, Any]]:
    """(default or None, type hint) of each parameter an API client passes."""
    hints = typing.get_type_hints(fn)
    skip = injected_parameters(fn)
    found: list[tuple[Any, Any]] = []
    for name, param in parameters_of(fn).items():
        if param.kind in (param.VAR_POSITIONAL, param.VAR_KEYWORD):
            break
        if name in skip:
            continue
        if name not in hints:
            raise ValueError(
                f"gr.api needs a type hint on every parameter; {name!r} of "
                f"{getattr(fn, '__name__', fn)!r} has none"
            )
        default = None if param.default is inspect.Parameter.empty else param.default
        found.append((default, hints[name]))
    return found


def _return_hints(fn: Fn) -> list[Any]:
    """One hint per output: the items of a ``tuple[...]`` return hint, else the hint."""
    hint = typing.get_type_hints(fn).get("return", inspect.Signature.empty)
    if hint in (inspect.Signature.empty, None, type(None)):
        return []
    if typing.get_origin(hint) is tuple:
        return list(typing.get_args(hint))
    return [hint]


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"
