"""Which ``Blocks`` app and which layout new blocks are being created in.

``with gr.Blocks():`` and ``with gr.Row():`` push themselves here; a component created
inside them attaches itself to the innermost layout, and a listener registers its
dependency on the innermost open app (an app built inside another, such as an
``Interface`` in a ``Blocks``, moves into it when it is done). Context variables keep two
apps built at once in different threads or tasks apart.
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
_roots: ContextVar[tuple[DependencyRegistry, ...]] = ContextVar("limelight_roots", default=())


def push(layout: BlockContext, *, root: DependencyRegistry | None = None) -> None:
    """Make ``layout`` the innermost layout (and ``root`` the innermost app, when given)."""
    _layouts.set((*_layouts.get(), layout))
    if root is not None:
        _roots.set((*_roots.get(), root))


def pop(layout: BlockContext) -> None:
    """Leave ``layout``; leaving an app makes the enclosing one (if any) current again."""
    stack = _layouts.get()
    if not stack or stack[-1] is not layout:
        raise RuntimeError("layouts were exited out of order")
    _layouts.set(stack[:-1])
    roots = _roots.get()
    top: object = roots[-1] if roots else None
    if top is layout:
        _roots.set(roots[:-1])


def current_layout() -> BlockContext | None:
    """The innermost open layout, or None outside any ``with`` block."""
    stack = _layouts.get()
    return stack[-1] if stack else None


def current_root() -> DependencyRegistry | None:
    """The innermost app whose ``with`` block is open, or None."""
    roots = _roots.get()
    return roots[-1] if roots else None


@contextmanager
def rendering(layout: BlockContext, registry: DependencyRegistry) -> Iterator[None]:
    """Run a render function: blocks go into ``layout``, listeners into ``registry``."""
    layouts = _layouts.set((layout,))
    roots = _roots.set((registry,))
    try:
        yield
    finally:
        _roots.reset(roots)
        _layouts.reset(layouts)
