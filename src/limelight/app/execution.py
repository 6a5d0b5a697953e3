"""Running one dependency: payloads in, the user's function, payloads out.

This is where the component contract is applied: ``preprocess`` on each input payload
(State inputs come from the session instead), the call (sync functions in a worker
thread, async ones on the loop, a sync generator in one thread of its own), and
``postprocess`` on each output, with ``gr.update`` dicts and returned component
instances read as updates.
"""

from __future__ import annotations

import copy
import functools
import inspect
import warnings
from collections.abc import AsyncGenerator, Callable
from concurrent.futures import Executor
from contextlib import aclosing
from dataclasses import dataclass, field
from typing import Any

from limelight.app._component_args import ComponentArgument, argument_inputs, argument_payload
from limelight.app._threads import DONE, QUICK_SECONDS, GeneratorThread, in_thread, timed_in_thread
from limelight.app.injection import (
    accepts_none,
    injected_parameters,
    parameters_of,
    place_injected,
)
from limelight.app.oauth import signed_out_value
from limelight.app.progress import Progress
from limelight.app.session_data import SessionData, session_view
from limelight.app.table_windows import resolve_input, select_data
from limelight.app.validation import ValidationFailed, invalid_messages
from limelight.components.base import UPDATE, Component, PayloadError
from limelight.components.filebase import (
    FileComponent,
    normalize_prop_value,
    postprocess_value,
    preprocess_value,
)
from limelight.components.state import State
from limelight.core.block import Block
from limelight.core.dependency import Dependency
from limelight.core.events import EventData, SelectData
from limelight.files.processing import FileContext
from limelight.request import Header, Request

__all__ = ["CallContext", "check_payloads", "run_batch", "run_dependency"]


@dataclass
class CallContext:
    """Everything about one call besides its payloads."""

    session: SessionData
    request: Request | None = None
    event_data: Any = None
    trigger: Block | None = None
    executor: Executor | None = None
    """Where synchronous functions run (None: the event loop's default executor)."""
    changed_state_ids: list[int] = field(default_factory=list)
    files: FileContext | None = None
    """How file components read and store files (None: the strictest rules)."""
    render_config: dict[str, Any] | None = None
    """Set by a ``@gr.render`` run: the blocks and listeners it made, for the browser."""
    memo: dict[int, Any] = field(default_factory=dict)
    """What output components keep between a generator's yields, by block id."""


def check_payloads(dep: Dependency, data: list[Any], session: SessionData) -> None:
    """Raise ``PayloadError`` naming the problem if ``data`` cannot be passed to ``dep``."""
    if len(data) != len(dep.inputs):
        raise PayloadError(f"Expected {len(dep.inputs)} input value(s) in 'data', got {len(data)}")
    if not dep.preprocess:
        return
    arguments = argument_inputs(dep.fn, dep.input_names)
    for i, (block, payload) in enumerate(zip(dep.inputs, data)):
        if i in arguments:
            payload = argument_payload(payload)
        if isinstance(block, Component) and not isinstance(block, State):
            try:
                session_view(block, session).check_payload(payload)
            except PayloadError as exc:
                name = block.label or type(block).__name__
                raise PayloadError(f"Invalid value for '{name}': {exc}") from None


def _preprocess(dep: Dependency, data: list[Any], ctx: CallContext) -> list[Any]:
    session = ctx.session
    whole = argument_inputs(dep.fn, dep.input_names)
    values = []
    for i, (block, payload) in enumerate(zip(dep.inputs, data)):
        if isinstance(block, State):
            values.append(session.state_value(block))
        elif isinstance(block, Component) and dep.preprocess:
            if i in whole:
                payload = argument_payload(payload)
            payload = resolve_input(block, payload, session)
            session.set_value(block.id, payload)
            view = session_view(block, session)
            value = preprocess_value(view, payload, ctx.files)
            values.append(ComponentArgument(view, value) if i in whole else value)
        else:
            values.append(resolve_input(block, payload, session))
    return values


def _injected_kwargs(fn: Callable[..., Any], ctx: CallContext) -> dict[str, Any]:
    kwargs: dict[str, Any] = {}
    injected = injected_parameters(fn)
    if not injected:
        return kwargs
    params = parameters_of(fn)
    for name, wanted in injected.items():
        if issubclass(wanted, Progress):
            default = params[name].default
            kwargs[name] = (default if isinstance(default, Progress) else Progress()).bind()
        elif issubclass(wanted, Request):
            kwargs[name] = ctx.request or Request()
        elif issubclass(wanted, SelectData):
            data = select_data(ctx.trigger, ctx.event_data or {}, ctx.session)
            kwargs[name] = SelectData(ctx.trigger, data)
        elif issubclass(wanted, EventData):
            # Each subclass (LikeData, EditData, ...) reads its own fields from the event data.
            kwargs[name] = wanted(ctx.trigger, ctx.event_data)
        elif issubclass(wanted, Header):
            kwargs[name] = _header(ctx.request, name)
        elif issubclass(wanted, FileContext):
            kwargs[name] = ctx.files or FileContext.strict()
        else:  # OAuthProfile, OAuthToken: nobody is signed in (see ``oauth``)
            kwargs[name] = signed_out_value(accepts_none(fn, name))
    return kwargs


def _header(request: Request | None, name: str) -> Header | None:
    value = request.headers.get(name.replace("_", "-").lower()) if request else None
    return None if value is None else Header(value)


def _bind(
    dep: Dependency, values: list[Any], ctx: CallContext, fn: Callable[..., Any] | None = None
) -> Callable[[], Any]:
    """``fn`` (the dependency's function by default) ready to call with ``values``."""
    fn = fn or dep.fn
    assert fn is not None
    kwargs = _injected_kwargs(fn, ctx)
    if dep.inputs_as_dict:
        return functools.partial(fn, dict(zip(dep.inputs, values)), **kwargs)
    if dep.input_names is not None:
        return functools.partial(fn, **dict(zip(dep.input_names, values)), **kwargs)
    args, kwargs = place_injected(fn, values, kwargs)
    return functools.partial(fn, *args, **kwargs)


def _accepted_count(fn: Callable[..., Any], offered: int) -> int:
    """How many positional inputs ``fn`` takes: a validator may take fewer than the event
    has (a ChatInterface's may take the message alone), as Gradio allows."""
    parameters = inspect.signature(fn).parameters.values()
    if any(p.kind is inspect.Parameter.VAR_POSITIONAL for p in parameters):
        return offered
    positional = (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)
    wanted = [p for p in parameters if p.kind in positional]
    injected = injected_parameters(fn)
    return min(offered, len([p for p in wanted if p.name not in injected]))


async def _validate(dep: Dependency, values: list[Any], ctx: CallContext) -> None:
    """Run the dependency's validator; ``ValidationFailed`` when it refuses an input."""
    assert dep.validator is not None
    call = _bind(dep, values[: _accepted_count(dep.validator, len(values))], ctx, dep.validator)
    if inspect.iscoroutinefunction(dep.validator):
        result = await call()
    else:
        result = await in_thread(ctx.executor, call)
    names = [
        (block.label if isinstance(block, Component) else None) or f"input {i + 1}"
        for i, block in enumerate(dep.inputs)
    ]
    messages = invalid_messages(result, names)
    if messages:
        raise ValidationFailed(messages)


async def _results(
    dep: Dependency, call: Callable[[], Any], ctx: CallContext
) -> AsyncGenerator[list[Any], None]:
    """The output payloads of each value the function gives: one for a plain function, one
    per yield otherwise. Synchronous code (with the postprocessing of file outputs, which
    takes long enough to stall every other request on the loop) runs in a worker thread."""
    fn = dep.fn
    heavy = any(isinstance(block, FileComponent) for block in dep.outputs)
    post = functools.partial(_postprocess, dep, ctx=ctx)
    if inspect.isgeneratorfunction(fn):
        steps = GeneratorThread(ctx.executor, call, post if heavy else None)
        try:
            while (item := await steps.next()) is not DONE:
                yield item if heavy else post(item)
        finally:
            await steps.close()
        return
    if inspect.isasyncgenfunction(fn):
        async with aclosing(call()) as agen:
            async for item in agen:
                yield await in_thread(ctx.executor, post, item) if heavy else post(item)
    elif inspect.iscoroutinefunction(fn):
        result = await call()
        yield await in_thread(ctx.executor, post, result) if heavy else post(result)
    elif heavy:
        yield await in_thread(ctx.executor, lambda: post(call()))
    else:
        result, took = await timed_in_thread(
            ctx.executor, call, QUICK_SECONDS if dep.quick else 0.0
        )
        dep.quick = took < QUICK_SECONDS
        yield post(result)


def _split_outputs(dep: Dependency, result: Any) -> list[Any]:
    """One value per output, from what the function returned, read as Gradio reads it: a
    lone ``gr.skip()`` leaves every output as it is, and values past the last output are
    left out with a warning."""
    count = len(dep.outputs)
    if isinstance(result, dict) and result and all(isinstance(k, Block) for k in result):
        return [result.get(block, {"__type__": UPDATE}) for block in dep.outputs]
    if count == 0:
        return []
    if count == 1:
        return [result]
    if result == {"__type__": UPDATE}:
        return [{"__type__": UPDATE} for _ in dep.outputs]
    values = list(result) if isinstance(result, (list, tuple)) else [result]
    name = getattr(dep.fn, "__name__", "fn")
    if len(values) < count:
        raise ValueError(
            f"The function {name!r} didn't return enough output values "
            f"(needed: {count}, returned: {len(values)})."
        )
    if len(values) > count:
        warnings.warn(
            f"The function {name!r} returned too many output values "
            f"(needed: {count}, returned: {len(values)}); the extra values are ignored.",
            stacklevel=2,
        )
    return values[:count]


def _update_payload(block: Component, value: Any, ctx: CallContext, post: bool) -> Any:
    session = ctx.session
    changes = value.as_update() if isinstance(value, Component) else dict(value)
    changes.pop("__type__", None)
    payload: dict[str, Any] = {"__type__": UPDATE}
    # The value is shown as the update leaves the component (a new watermark, say).
    shown = copy.copy(block)
    for name, prop in changes.items():
        if name != "value":
            payload[name] = normalize_prop_value(block, name, prop, ctx.files)
            session.set_prop(block.id, name, payload[name])
            if hasattr(shown, name):
                setattr(shown, name, prop)
    if "value" in changes:
        prop = changes["value"]
        payload["value"] = postprocess_value(shown, prop, ctx.files) if post else prop
        session.set_value(block.id, payload["value"])
    return payload


def _postprocess(dep: Dependency, result: Any, *, ctx: CallContext) -> list[Any]:
    payloads: list[Any] = []
    for block, value in zip(dep.outputs, _split_outputs(dep, result)):
        if isinstance(value, ComponentArgument):
            value = value.as_update()
        is_update = isinstance(value, Component) or (
            isinstance(value, dict) and value.get("__type__") == UPDATE
        )
        if isinstance(block, State):
            if not is_update:
                ctx.session.set_state(block, value)
                ctx.changed_state_ids.append(block.id)
            payloads.append(None)
        elif not isinstance(block, Component):
            payloads.append(value.as_update() if isinstance(value, Block) else value)
        elif is_update:
            payloads.append(_update_payload(block, value, ctx, dep.postprocess))
        else:
            payload = (
                postprocess_value(block, value, ctx.files, ctx.memo) if dep.postprocess else value
            )
            ctx.session.set_value(block.id, payload)
            payloads.append(payload)
    return payloads


async def run_dependency(
    dep: Dependency, data: list[Any], ctx: CallContext
) -> AsyncGenerator[list[Any], None]:
    """Run ``dep`` on ``data`` and yield its output payloads (once per generator yield).

    Raises ``PayloadError`` for bad payloads and whatever the function raises.
    """
    if dep.fn is None:
        return
    if dep.batch:
        yield (await run_batch(dep, [data], [ctx]))[0]
        return
    check_payloads(dep, data, ctx.session)
    values = _preprocess(dep, data, ctx)
    if dep.validator is not None:
        await _validate(dep, values, ctx)
    if dep.renderable is not None:
        ctx.render_config = await dep.renderable.run(values, ctx.session)
        yield []
        return
    call = _bind(dep, values, ctx)
    async with aclosing(_results(dep, call, ctx)) as results:
        async for payloads in results:
            yield payloads


async def run_batch(
    dep: Dependency, datas: list[list[Any]], ctxs: list[CallContext]
) -> list[list[Any]]:
    """Run a ``batch=True`` dependency once for several calls.

    The function gets one list per input (a value from each call) and returns a list (or
    tuple) holding one list per output; each call gets back its own outputs, in order.
    """
    assert dep.fn is not None
    rows = []
    for data, ctx in zip(datas, ctxs):
        check_payloads(dep, data, ctx.session)
        rows.append(_preprocess(dep, data, ctx))
    columns = [[row[i] for row in rows] for i in range(len(dep.inputs))]
    call = functools.partial(dep.fn, *columns, **_injected_kwargs(dep.fn, ctxs[0]))
    if inspect.iscoroutinefunction(dep.fn):
        result = await call()
    else:
        result = await in_thread(ctxs[0].executor, call)
    per_output = list(result) if isinstance(result, (list, tuple)) else [result]
    if len(per_output) != len(dep.outputs) or any(
        not isinstance(col, (list, tuple)) or len(col) != len(datas) for col in per_output
    ):
        raise ValueError(
            f"A batch function must return one list per output, each with {len(datas)} "
            "item(s), one per call in the batch."
        )
    outputs = []
    for i, ctx in enumerate(ctxs):
        values = tuple(col[i] for col in per_output)
        outputs.append(_postprocess(dep, values if len(values) != 1 else values[0], ctx=ctx))
    return outputs
