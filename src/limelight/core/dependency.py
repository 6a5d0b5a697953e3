"""Dependencies: a function wired to the events that trigger it.

Every listener (``btn.click(...)``, ``demo.load(...)``, ``.then(...)``) adds one
``Dependency`` to the app. Its index in the app is the ``fn_index`` clients send; its
``api_name`` is the name API clients call it by.
"""

from __future__ import annotations

import inspect
import string
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, Literal, Protocol, TypedDict

from typing_extensions import Unpack

from limelight.core._client_functions import client_implementation
from limelight.core.block import Block, BlockContext, filling, pop_layout, push_layout

__all__ = [
    "Dependency",
    "DependencyRegistry",
    "ListenerOptions",
    "RenderFunction",
    "Trigger",
    "current_root",
    "docstring_summary",
    "endpoint_name",
    "enter_app",
    "exit_app",
    "rendering",
]

Trigger = tuple["Block | None", str]
"""A block and the name of one of its events; None as block means "after a dependency"."""

ShowProgress = Literal["full", "minimal", "hidden"]
Visibility = Literal["public", "undocumented", "private"]

_DROPPED_FROM_NAMES = frozenset(string.punctuation) - {"-", "_"}
"""Characters a function's name loses on its way to an endpoint name (``<lambda>`` ->
``lambda``)."""


def endpoint_name(name: str) -> str:
    """A function's name as an endpoint name: punctuation dropped (``<lambda>`` -> ``lambda``)."""
    return "".join(ch for ch in name if ch not in _DROPPED_FROM_NAMES)


_SECTION_HEADS = ("Args:", "Parameters:", "Arguments:", "Returns:")


def docstring_summary(fn: Callable[..., Any]) -> str:
    """The text of ``fn``'s docstring before its first section (``Args:``, ``Returns:``...),
    on one line: what ``/info`` shows as an endpoint's description, as in Gradio."""
    lines = []
    for line in (inspect.getdoc(fn) or "").splitlines():
        line = line.strip()
        if line.startswith(_SECTION_HEADS):
            break
        if line:
            lines.append(line)
    return " ".join(lines)


class ListenerOptions(TypedDict, total=False):
    """Keyword options that every listener takes, as in Gradio."""

    api_name: str | Literal[False] | None
    """The endpoint name; defaults to the function's name. False hides the endpoint."""
    api_description: str | Literal[False] | None
    """The endpoint's description in ``/info``; None takes the function's docstring, False
    shows none."""
    api_visibility: Visibility
    """``public`` (listed), ``undocumented`` (callable, unlisted) or ``private``."""
    show_api: bool
    """Older spelling: False means ``api_visibility="undocumented"``."""
    show_progress: ShowProgress
    show_progress_on: Any
    queue: bool
    """False runs the function directly instead of through the queue (browser only)."""
    batch: bool
    max_batch_size: int
    preprocess: bool
    postprocess: bool
    cancels: Dependency | Sequence[Dependency] | None
    trigger_mode: Literal["once", "multiple", "always_last"] | None
    js: str | Literal[True] | None
    concurrency_limit: int | Literal["default"] | None
    """How many calls of this event may run at once; "default" takes the queue's default."""
    concurrency_id: str | None
    """Events with the same id share one concurrency limit."""
    time_limit: float | None
    """Seconds the event may run; for a ``stream`` event, seconds spent processing chunks
    (time waiting for the next chunk does not count)."""
    retries: int
    """With a queue shared by several processes (``backend="redis://..."``): how many times
    a job runs again, on another process, when the process running it is lost; 0 (the
    default) ends it with a ``worker_lost`` error instead. Rerunning repeats what the
    function did before it was interrupted, so only idempotent functions should allow it."""
    stream_every: float
    """For a ``stream`` event: seconds between the chunks the browser sends."""
    scroll_to_output: bool
    every: float | None
    key: int | str | tuple[int | str, ...] | None
    """In a ``@gr.render`` function: a listener made with the key of one the previous run
    made is the same listener (it keeps its ``fn_index``), as in Gradio."""
    validator: Callable[..., Any] | None
    """Runs first with the same inputs; when it returns an invalid ``gr.validate(...)``
    for any input, the function does not run and the user sees the messages."""


class Dependency:
    """One function wired to its triggers, inputs and outputs."""

    def __init__(
        self,
        registry: DependencyRegistry,
        fn: Callable[..., Any] | None,
        targets: list[Trigger],
        inputs: Sequence[Block],
        outputs: Sequence[Block],
        *,
        inputs_as_dict: bool = False,
        input_names: list[str] | None = None,
        trigger_after: int | None = None,
        trigger_only_on_success: bool = False,
        trigger_only_on_failure: bool = False,
        **options: Unpack[ListenerOptions],
    ) -> None:
        self.registry = registry
        self.id = registry.next_dependency_id()
        self.fn = fn
        self.targets = targets
        self.inputs = list(inputs)
        self.outputs = list(outputs)
        self.inputs_as_dict = inputs_as_dict
        """Inputs were given as a set: the function takes one dict keyed by block."""
        self.input_names = input_names
        """Inputs were given as a dict: the function takes them as these keyword arguments."""
        self.trigger_after = trigger_after
        self.trigger_only_on_success = trigger_only_on_success
        self.trigger_only_on_failure = trigger_only_on_failure
        self.api_description = options.get("api_description")
        self.show_progress: ShowProgress = options.get("show_progress", "full")
        self.show_progress_on = options.get("show_progress_on")
        self.queue = options.get("queue", True)
        self.batch = options.get("batch", False)
        self.max_batch_size = options.get("max_batch_size", 4)
        self.preprocess = options.get("preprocess", True)
        self.postprocess = options.get("postprocess", True)
        cancels = options.get("cancels")
        if isinstance(cancels, Dependency):
            cancels = [cancels]
        self.cancels = [dep.id for dep in cancels or ()]
        self.connection: Literal["sse", "stream"] = (
            "stream" if targets and targets[0][1] == "stream" else "sse"
        )
        """``stream``: a media input stream; one run per chunk the browser sends, until it
        stops (``POST /gradio_api/stream/{event_id}``, as in Gradio)."""
        self.trigger_mode = options.get("trigger_mode") or self._default_trigger_mode()
        self.js = options.get("js")
        self.js_implementation = self._client_side(fn) if self.js is True else None
        """For ``js=True``: the function as JavaScript the browser runs instead."""
        self.concurrency_limit = options.get("concurrency_limit", "default")
        self.concurrency_id = options.get("concurrency_id") or str(self.id)
        self.time_limit = options.get("time_limit")
        self.stream_every = options.get("stream_every", 0.5)
        self.retries = options.get("retries", 0)
        if isinstance(self.retries, bool) or not isinstance(self.retries, int) or self.retries < 0:
            raise ValueError(f"retries must be a whole number from 0 up, not {self.retries!r}")
        self.validator = options.get("validator")
        self.key = options.get("key")
        self.scroll_to_output = options.get("scroll_to_output", False)
        self.api_visibility = self._visibility(options)
        self.api_name = registry.unique_api_name(self._api_name(options.get("api_name")))
        self.renderable: RenderFunction | None = None
        self.quick = False
        """Its last synchronous call ran in well under a millisecond (see ``threads``)."""
        """Set on the dependency that runs a ``@gr.render`` function."""
        self.rendered_in: int | None = None
        """The render container a dependency created by a render function belongs to."""
        self.page = ""
        """The path of the app page the listener belongs to (see ``app/_pages.py``)."""
        self.is_generator = fn is not None and (
            inspect.isgeneratorfunction(fn) or inspect.isasyncgenfunction(fn)
        )

    def _client_side(self, fn: Callable[..., Any] | None) -> str | None:
        if self.inputs:
            raise ValueError(
                "Events with js=True cannot have inputs: the function runs in the browser, "
                "as property updates only."
            )
        return client_implementation(fn, self.outputs) if fn is not None else None

    def _default_trigger_mode(self) -> Literal["once", "multiple", "always_last"]:
        """As in Gradio: a stream takes every chunk, ``change`` and ``key_up`` run once more
        with the latest values, and everything else ignores triggers while running."""
        if self.connection == "stream":
            return "multiple"
        if any(event in ("change", "key_up") for _, event in self.targets):
            return "always_last"
        return "once"

    def _visibility(self, options: ListenerOptions) -> Visibility:
        if options.get("api_name") is False or self.fn is None:
            return "private"
        if options.get("show_api") is False:
            return "undocumented"
        return options.get("api_visibility", "public")

    def _api_name(self, requested: str | Literal[False] | None) -> str:
        """The name before de-duplication. As in Gradio, every listener has one, hidden
        ones too (``false``, ``js_fn``, ``unnamed``), so that the names the public
        endpoints end up with (``classify_1``, ``lambda_2``) are the ones Gradio gives."""
        if requested is False:
            return "false"
        if isinstance(requested, str) and requested.strip():
            return requested.lstrip("/")
        if self.fn is None:
            return "js_fn" if self.js else "unnamed"
        return endpoint_name(getattr(self.fn, "__name__", None) or type(self.fn).__name__)

    def then(
        self,
        fn: Callable[..., Any] | None,
        inputs: Any = None,
        outputs: Any = None,
        **options: Unpack[ListenerOptions],
    ) -> Dependency:
        """Run ``fn`` after this dependency finishes, whether it succeeded or not."""
        return self._chain("then", fn, inputs, outputs, options)

    def success(
        self,
        fn: Callable[..., Any] | None,
        inputs: Any = None,
        outputs: Any = None,
        **options: Unpack[ListenerOptions],
    ) -> Dependency:
        """Run ``fn`` after this dependency finishes without an error."""
        return self._chain("success", fn, inputs, outputs, options)

    def failure(
        self,
        fn: Callable[..., Any] | None,
        inputs: Any = None,
        outputs: Any = None,
        **options: Unpack[ListenerOptions],
    ) -> Dependency:
        """Run ``fn`` after this dependency raises an error."""
        return self._chain("failure", fn, inputs, outputs, options)

    def _chain(
        self,
        kind: str,
        fn: Callable[..., Any] | None,
        inputs: Any,
        outputs: Any,
        options: ListenerOptions,
    ) -> Dependency:
        return self.registry.add_dependency(
            [(None, kind)],
            fn,
            inputs,
            outputs,
            trigger_after=self.id,
            trigger_only_on_success=kind == "success",
            trigger_only_on_failure=kind == "failure",
            **options,
        )

    def __repr__(self) -> str:
        return f"<Dependency {self.id} api_name={self.api_name!r}>"


class RenderFunction(Protocol):
    """A ``@gr.render`` function as the dependency that re-runs it holds it (``app.render``'s
    ``Renderable``): the layout it fills, the app it belongs to, and how to run it."""

    app: Any
    """The app the function belongs to; it changes when that app is nested in another."""
    container: BlockContext

    async def run(self, values: list[Any], session: Any) -> dict[str, Any]:
        """Build the function's blocks for ``session``; the ``render_config`` to send."""
        ...


class DependencyRegistry:
    """What an app keeps of its dependencies; ``Blocks`` builds on it."""

    def __init__(self) -> None:
        self.fns: list[Dependency] = []

    def next_dependency_id(self) -> int:
        """The ``fn_index`` the next dependency gets: its position in the app."""
        return len(self.fns)

    def unique_api_name(self, name: str) -> str:
        """``name``, or ``name_1``, ``name_2``, ... if another listener already took it."""
        taken = {dep.api_name for dep in self.fns}
        candidate, n = name, 0
        while candidate in taken:
            n += 1
            candidate = f"{name}_{n}"
        return candidate

    def add_dependency(
        self,
        targets: list[Trigger],
        fn: Callable[..., Any] | None,
        inputs: Any,
        outputs: Any,
        *,
        trigger_after: int | None = None,
        trigger_only_on_success: bool = False,
        trigger_only_on_failure: bool = False,
        **options: Unpack[ListenerOptions],
    ) -> Dependency:
        """Create and register a dependency; ``inputs``/``outputs`` may be one block or many."""
        input_list, as_dict = _as_blocks(inputs)
        output_list, _ = _as_blocks(outputs)
        names = list(inputs) if isinstance(inputs, dict) else None
        dep = Dependency(
            self,
            fn,
            targets,
            input_list,
            output_list,
            inputs_as_dict=as_dict and names is None,
            input_names=names,
            trigger_after=trigger_after,
            trigger_only_on_success=trigger_only_on_success,
            trigger_only_on_failure=trigger_only_on_failure,
            **options,
        )
        self.fns.append(dep)
        return dep


def _as_blocks(value: Any) -> tuple[list[Block], bool]:
    """Normalise a listener's ``inputs``/``outputs``: one block, a list, a set (the function
    gets one dict keyed by block) or a dict of parameter name to block (keyword arguments)."""
    if value is None:
        return [], False
    if isinstance(value, dict):
        return list(value.values()), True
    if isinstance(value, set):
        return list(value), True
    if isinstance(value, (list, tuple)):
        return list(value), False
    return [value], False


# The apps whose ``with`` block is open, innermost last: a listener registers its dependency
# on the innermost (an app built inside another moves into it when it is done).
_roots: ContextVar[tuple[DependencyRegistry, ...]] = ContextVar("limelight_roots", default=())


def enter_app(app: BlockContext, registry: DependencyRegistry) -> None:
    """``with app:`` opens both a layout and the registry its listeners go to."""
    push_layout(app)
    _roots.set((*_roots.get(), registry))


def exit_app(app: BlockContext, registry: DependencyRegistry) -> None:
    """Leave ``app``; the enclosing app (if any) is current again."""
    pop_layout(app)
    roots = _roots.get()
    if roots and roots[-1] is registry:
        _roots.set(roots[:-1])


def current_root() -> DependencyRegistry | None:
    """The innermost app whose ``with`` block is open, or None."""
    roots = _roots.get()
    return roots[-1] if roots else None


@contextmanager
def rendering(
    layout: BlockContext, registry: DependencyRegistry, ids: Iterator[int]
) -> Iterator[None]:
    """Run a render function: blocks go into ``layout`` and take their ids from ``ids``;
    listeners go into ``registry``."""
    token = _roots.set((registry,))
    try:
        with filling(layout, ids):
            yield
    finally:
        _roots.reset(token)
