"""Which ``Blocks`` app and which layout new blocks are being created in.

``with gr.Blocks():`` and ``with gr.Row():`` push themselves here; a component created
inside them attaches itself to the innermost layout, and a listener registers its
dependency on the outermost app. Context variables keep two apps built at once in
different threads or tasks apart.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .block import BlockContext
    from .dependency import DependencyRegistry

__all__ = ["current_layout", "current_root", "pop", "push", "rendering"]

_layouts: ContextVar[tuple[BlockContext, ...]] = ContextVar("limelight_layouts", default=())
_root: ContextVar[DependencyRegistry | None] = ContextVar("limelight_root", default=None)


def push(layout: BlockContext, *, root: DependencyRegistry | None = None) -> None:
    """Make ``layout`` the innermost layout (and ``root`` the app, when given)."""
    _layouts.set((*_layouts.get(), layout))
    if root is not None and _root.get() is None:
        _root.set(root)


def pop(layout: BlockContext) -> None:
    """Leave ``layout``; leaving the outermost app clears the current root too."""
    stack = _layouts.get()
    if not stack or stack[-1] is not layout:
        raise RuntimeError("layouts were exited out of order")
    _layouts.set(stack[:-1])
    root: object = _root.get()
    if root is layout:
        _root.set(None)


def current_layout() -> BlockContext | None:
    """The innermost open layout, or None outside any ``with`` block."""
    stack = _layouts.get()
    return stack[-1] if stack else None


def current_root() -> DependencyRegistry | None:
    """The app whose ``with`` block is open, or None."""
    return _root.get()


@contextmanager
def rendering(layout: BlockContext, registry: DependencyRegistry) -> Iterator[None]:
    """Run a render function: blocks go into ``layout``, listeners into ``registry``."""
    layouts = _layouts.set((layout,))
    root = _root.set(registry)
    try:
        yield
    finally:
        _root.reset(root)
        _layouts.reset(layouts)
