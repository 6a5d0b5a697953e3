"""Event listeners: ``btn.click(fn, inputs, outputs)`` and ``gr.on(triggers, fn, ...)``.

Each event a block can fire is an ``EventListener`` class attribute. Reading it from a
block gives a function that wires a dependency to that block's event, usable directly or
as a decorator: ``@btn.click(inputs=a, outputs=b)``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, overload

from pydantic import ValidationError
from typing_extensions import Unpack

from limelight.core.dependency import (
    Dependency,
    DependencyRegistry,
    ListenerOptions,
    Trigger,
    current_root,
)
from limelight.protocol import FileData

if TYPE_CHECKING:
    from limelight.core.block import Block

__all__ = [
    "DeletedFileData",
    "DownloadData",
    "EventData",
    "EventListener",
    "KeyUpData",
    "SelectData",
    "on",
]

Fn = Callable[..., Any]


class _Unset:
    """The default of a listener's ``fn``: left out, the call returns a decorator."""


UNSET = _Unset()


def _registry() -> DependencyRegistry:
    root = current_root()
    if root is None:
        raise RuntimeError(
            "Event listeners must be set up inside a `with gr.Blocks():` block (or a gr.Interface)."
        )
    return root


class BoundListener:
    """``block.click`` etc.: wires a dependency to one event of one block."""

    def __init__(
        self, block: Block, event: str, on_wire: Callable[[Block], None] | None = None
    ) -> None:
        self.block = block
        self.event = event
        self.on_wire = on_wire

    def wired(self) -> None:
        """Tell the block a listener now handles this event (some blocks show a control then)."""
        if self.on_wire is not None:
            self.on_wire(self.block)

    @overload
    def __call__(
        self,
        fn: Fn | None,
        inputs: Any = None,
        outputs: Any = None,
        **options: Unpack[ListenerOptions],
    ) -> Dependency: ...

    @overload
    def __call__(
        self,
        fn: _Unset = UNSET,
        inputs: Any = None,
        outputs: Any = None,
        **options: Unpack[ListenerOptions],
    ) -> Callable[[Fn], Fn]: ...

    def __call__(
        self,
        fn: Fn | _Unset | None = UNSET,
        inputs: Any = None,
        outputs: Any = None,
        **options: Unpack[ListenerOptions],
    ) -> Dependency | Callable[[Fn], Fn]:
        """Run ``fn`` on this event; without ``fn``, decorate the function to run.

        ``fn=None`` wires an event that runs no Python (for ``js=`` or ``cancels=`` only).
        """
        if isinstance(fn, _Unset):

            def decorate(func: Fn) -> Fn:
                _registry().add_dependency(
                    [(self.block, self.event)], func, inputs, outputs, **options
                )
                self.wired()
                return func

            return decorate
        self.wired()
        return _registry().add_dependency(
            [(self.block, self.event)], fn, inputs, outputs, **options
        )


class EventListener:
    """Declares that a block class fires the event ``name``."""

    def __init__(
        self, name: str, doc: str = "", on_wire: Callable[[Block], None] | None = None
    ) -> None:
        self.name = name
        self.__doc__ = doc
        self.on_wire = on_wire
        """Called with the block when a listener is attached (e.g. to show a like button)."""

    @overload
    def __get__(self, block: None, owner: type) -> EventListener: ...

    @overload
    def __get__(self, block: Block, owner: type) -> BoundListener: ...

    def __get__(self, block: Block | None, owner: type) -> EventListener | BoundListener:
        if block is None:
            return self
        return BoundListener(block, self.name, self.on_wire)


@overload
def on(
    triggers: Sequence[BoundListener] | BoundListener | None = None,
    *,
    fn: Fn | None,
    inputs: Any = None,
    outputs: Any = None,
    **options: Unpack[ListenerOptions],
) -> Dependency: ...


@overload
def on(
    triggers: Sequence[BoundListener] | BoundListener | None,
    fn: Fn | None,
    inputs: Any = None,
    outputs: Any = None,
    **options: Unpack[ListenerOptions],
) -> Dependency: ...


@overload
def on(
    triggers: Sequence[BoundListener] | BoundListener | None = None,
    fn: _Unset = UNSET,
    inputs: Any = None,
    outputs: Any = None,
    **options: Unpack[ListenerOptions],
) -> Callable[[Fn], Fn]: ...


def on(
    triggers: Sequence[BoundListener] | BoundListener | None = None,
    fn: Fn | _Unset | None = UNSET,
    inputs: Any = None,
    outputs: Any = None,
    **options: Unpack[ListenerOptions],
) -> Dependency | Callable[[Fn], Fn]:
    """Wire ``fn`` to several triggers at once, e.g. ``gr.on([btn.click, box.submit], ...)``;
    without ``fn`` it decorates the function to run.

    With ``triggers=None`` the function runs whenever any of its inputs changes.
    """
    targets: list[Trigger]
    if triggers is None:
        input_blocks = inputs if isinstance(inputs, (list, tuple, set)) else [inputs]
        targets = [(block, "change") for block in input_blocks if block is not None]
    else:
        listeners = [triggers] if isinstance(triggers, BoundListener) else list(triggers)
        targets = [(listener.block, listener.event) for listener in listeners]
        for listener in listeners:
            listener.wired()
    if isinstance(fn, _Unset):

        def decorate(func: Fn) -> Fn:
            _registry().add_dependency(targets, func, inputs, outputs, **options)
            return func

        return decorate
    return _registry().add_dependency(targets, fn, inputs, outputs, **options)


class EventData:
    """What the browser sent along with an event; declare a parameter of this type to get it."""

    def __init__(self, target: Block | None, data: Any) -> None:
        self.target = target
        self._data = data

    def __getattr__(self, name: str) -> Any:
        # The keys of the data the browser sent read as attributes: ``evt.key`` for
        # ``trigger('keypress', {key: ...})`` in a gr.HTML's js_on_load.
        data = self.__dict__.get("_data")
        if isinstance(data, dict) and name in data and not name.startswith("_"):
            return data[name]
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")


class SelectData(EventData):
    """Data of a ``.select`` event: which item was selected, and its value."""

    def __init__(self, target: Block | None, data: dict[str, Any]) -> None:
        super().__init__(target, data)
        self.index: Any = data.get("index")
        self.value: Any = data.get("value")
        self.row_value: Any = data.get("row_value")
        self.col_value: Any = data.get("col_value")
        self.selected: bool = data.get("selected", True)


class KeyUpData(EventData):
    """Data of a Dropdown's ``key_up`` event: the key released and the text typed so far."""

    def __init__(self, target: Block | None, data: dict[str, Any]) -> None:
        super().__init__(target, data)
        self.key: str = data.get("key", "")
        self.input_value: str = data.get("input_value", "")


class DeletedFileData(EventData):
    """Data of a File's ``delete`` event: the file the user removed (a ``FileData``, with
    ``path`` and ``orig_name``; None when the browser sent none) and its position."""

    def __init__(self, target: Block | None, data: dict[str, Any]) -> None:
        super().__init__(target, data)
        self.file: FileData | None = _file_data(data.get("value"))
        self.index: int | None = data.get("index")


def _file_data(value: Any) -> FileData | None:
    try:
        return FileData.model_validate(value) if isinstance(value, dict) else None
    except ValidationError:
        return None


class DownloadData(EventData):
    """Data of a File's ``download`` event: ``file``, the ``FileData`` the user downloaded
    (None when the browser sent none). The page sends ``{"index", "value"}``; Gradio's
    sends the file itself, so both are read."""

    def __init__(self, target: Block | None, data: dict[str, Any] | None) -> None:
        super().__init__(target, data)
        sent = data.get("value", data) if data else None
        self.file: FileData | None = _file_data(sent)
