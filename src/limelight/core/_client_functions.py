"""``js=True`` listeners, Gradio's client-side functions: the Python function runs in the
browser, without a round trip to the server.

Gradio's docs limit them to functions that take no inputs and only update properties,
such as ``lambda: gr.Row(visible=False)`` or ``lambda: [gr.Textbox(lines=4),
gr.Button(interactive=False)]``. limelight reads such a function from its source (nothing
is run): a lambda, or a function whose body is one ``return``, giving ``gr.<Block>(...)``
or ``gr.update(...)`` with literal keyword arguments other than ``value``, or a list or
tuple of them, one per output. The updates become a JavaScript function returning them
(the config's ``js_implementation``). A function limelight cannot read this way runs on
the server with a warning saying why, as Gradio runs a function its transpiler refuses.
"""

from __future__ import annotations

import ast
import inspect
import json
import textwrap
import warnings
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from limelight.core.block import Block

__all__ = ["client_implementation"]


class _Unreadable(Exception):
    """The function is not one limelight can run in the browser; the message says why."""


def client_implementation(fn: Callable[..., Any], outputs: Sequence[Block]) -> str | None:
    """JavaScript that returns what ``fn`` returns, or None (with a warning) when ``fn`` is
    not a fixed set of property updates of ``outputs``."""
    try:
        updates = _updates(_returned(fn), outputs)
    except _Unreadable as reason:
        name = getattr(fn, "__name__", "the function")
        warnings.warn(
            f"js=True: limelight cannot run {name} in the browser ({reason}); it runs on "
            "the server instead.",
            UserWarning,
            stacklevel=7,
        )
        return None
    return f"() => {json.dumps(updates)}"


def _returned(fn: Callable[..., Any]) -> ast.expr:
    """The expression ``fn`` returns, from its source."""
    if inspect.signature(fn).parameters:
        raise _Unreadable("it takes parameters")
    try:
        source = textwrap.dedent(inspect.getsource(fn))
        tree = ast.parse(source)
    except (OSError, TypeError, SyntaxError):
        raise _Unreadable("its source cannot be read") from None
    if fn.__name__ == "<lambda>":
        lambdas = [n for n in ast.walk(tree) if isinstance(n, ast.Lambda) and not n.args.args]
        if len(lambdas) != 1:
            raise _Unreadable("its line holds more than one lambda")
        return lambdas[0].body
    found = tree.body[0] if tree.body else None
    if not isinstance(found, ast.FunctionDef):
        raise _Unreadable("it is not a plain function")
    body = [s for s in found.body if not _is_docstring(s)]
    if len(body) != 1 or not isinstance(body[0], ast.Return) or body[0].value is None:
        raise _Unreadable("its body is more than one return statement")
    return body[0].value


def _is_docstring(statement: ast.stmt) -> bool:
    return isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant)


def _updates(returned: ast.expr, outputs: Sequence[Block]) -> list[dict[str, Any]]:
    """One update per output, from ``gr.X(...)`` calls."""
    if isinstance(returned, (ast.List, ast.Tuple)) and len(outputs) != 1:
        calls = returned.elts
    else:
        calls = [returned]
    if len(calls) != len(outputs):
        raise _Unreadable(f"it returns {len(calls)} value(s) for {len(outputs)} output(s)")
    return [_update(call, block) for call, block in zip(calls, outputs, strict=True)]


def _update(call: ast.expr, block: Block) -> dict[str, Any]:
    if not isinstance(call, ast.Call):
        raise _Unreadable("it returns something other than gr.<Component>(...)")
    name = call.func.attr if isinstance(call.func, ast.Attribute) else None
    name = call.func.id if isinstance(call.func, ast.Name) else name
    if name is None or not (name == "update" or name[:1].isupper()):
        raise _Unreadable("it returns something other than gr.<Component>(...)")
    if call.args or any(kw.arg is None for kw in call.keywords):
        raise _Unreadable("its updates name each property (no positional arguments)")
    update: dict[str, Any] = {"__type__": "update"}
    for keyword in call.keywords:
        assert keyword.arg is not None
        if keyword.arg == "value":
            raise _Unreadable("it sets a value (client-side functions only set properties)")
        try:
            value = ast.literal_eval(keyword.value)
        except ValueError:
            raise _Unreadable(f"{keyword.arg}= is not a literal") from None
        normalize = getattr(block, "normalize_prop", None)
        update[keyword.arg] = normalize(keyword.arg, value) if normalize else value
    return update
