"""``POST /gradio_api/component_server``: a gr.HTML's ``server_functions`` called from its
``js_on_load`` as ``await server.name(...)``.

The body is Gradio's: ``{"session_hash", "component_id", "fn_name", "data"}``; the answer is
the function's return value as JSON. Only functions the app listed in ``server_functions``
(or a component's own, such as a FileExplorer's ``ls``) can be called; anything else is a
404, a bad body a 4xx. With a ``session_hash``, the component is the one that session sees,
after the updates its events made (a FileExplorer's new ``root_dir``), holding the latest
value an event read or wrote for it (a big Dataframe's table, ``docs/protocol.md`` §8.6).
"""

from __future__ import annotations

import copy
import inspect
from collections.abc import Callable
from typing import Any

import anyio
from pydantic import BaseModel, ConfigDict
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from limelight.app.session_data import session_view
from limelight.components.base import Component
from limelight.exceptions import Error
from limelight.server.http import error, json_response, read_model, services

__all__ = ["ServerFunctionCall", "call_arguments", "routes"]


class ServerFunctionCall(BaseModel):
    """One call of a component's server function."""

    # Built on the first call, like the wire models: few apps have server functions.
    model_config = ConfigDict(extra="ignore", defer_build=True)

    session_hash: str | None = None
    component_id: int
    fn_name: str
    data: Any = None


def call_arguments(fn: Callable[..., Any], data: Any) -> list[Any]:
    """The positional arguments for ``fn``: Gradio's client sends one argument as itself and
    several as a list, so a list is spread over a function taking that many parameters."""
    params = [
        p
        for p in inspect.signature(fn).parameters.values()
        if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
    ]
    if not params:
        return [] if data in (None, []) else [data]
    if len(params) > 1 and isinstance(data, list) and len(data) == len(params):
        return list(data)
    return [data]


async def component_server(request: Request) -> Response:
    """Run the named server function of the named component on ``data``."""
    call = await read_model(request, ServerFunctionCall)
    block = services(request).app.blocks.get(call.component_id)
    if block is not None and call.session_hash:
        session = await services(request).sessions.load(call.session_hash)
        block = session_view(block, session)
        if block.id in session.values and isinstance(block, Component):
            # Its latest value, too: a Dataframe's rows come from the table the session holds.
            block = copy.copy(block)
            block.value = session.values[block.id]
    functions: dict[str, Callable[..., Any]] = getattr(block, "server_fns", None) or {}
    fn = functions.get(call.fn_name) if isinstance(functions, dict) else None
    if fn is None:
        return error(404, "Function not found.")
    try:
        args = call_arguments(fn, call.data)
        if inspect.iscoroutinefunction(fn):
            result = await fn(*args)
        else:
            result = await anyio.to_thread.run_sync(lambda: fn(*args))
    except Error as exc:
        return error(400, exc.message)
    except Exception:  # the app's function failed on this input: say so, without internals
        return error(400, f"The server function {call.fn_name!r} failed.")
    return json_response(result)


routes = [
    Route("/gradio_api/component_server", component_server, methods=["POST"]),
    Route("/gradio_api/component_server/", component_server, methods=["POST"]),
]
