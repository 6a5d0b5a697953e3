"""The base of everything placed on a page: components, layouts and apps.

A block has an id (unique in the process), a few options every block shares, and a
``props`` dictionary that is the block's part of the page config. Layouts are
``BlockContext`` blocks: used as context managers they collect the blocks created inside.
"""

from __future__ import annotations

import inspect
import itertools
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, ClassVar, TypedDict

from typing_extensions import Self

__all__ = [
    "UPDATE",
    "Block",
    "BlockContext",
    "BlockOptions",
    "current_layout",
    "filling",
    "numbered_from",
    "pop_layout",
    "push_layout",
    "unused_id",
]

UPDATE = "update"
"""The ``__type__`` of a dictionary that changes an output's properties instead of its value."""

_ids = itertools.count(1)
# While a render function runs, the blocks it makes take their ids from that run (see
# ``filling``): the same run gives the same ids in every process, so what a session's render
# made means the same to every server of the app.
_run_ids: ContextVar[Iterator[int] | None] = ContextVar("limelight_run_ids", default=None)

# The open ``with`` layouts, innermost last: a block created inside attaches itself to the
# innermost. A context variable keeps two apps built at once in different threads or tasks
# apart.
_layouts: ContextVar[tuple[BlockContext, ...]] = ContextVar("limelight_layouts", default=())


def push_layout(layout: BlockContext) -> None:
    """Make ``layout`` the innermost open layout."""
    _layouts.set((*_layouts.get(), layout))


def pop_layout(layout: BlockContext) -> None:
    """Leave ``layout``, which must be the innermost open layout."""
    stack = _layouts.get()
    if not stack or stack[-1] is not layout:
        raise RuntimeError("layouts were exited out of order")
    _layouts.set(stack[:-1])


def current_layout() -> BlockContext | None:
    """The innermost open layout, or None outside any ``with`` block."""
    stack = _layouts.get()
    return stack[-1] if stack else None


@contextmanager
def filling(layout: BlockContext, ids: Iterator[int]) -> Iterator[None]:
    """Within the block, ``layout`` is the only open layout (a render function fills it) and
    new blocks take their ids from ``ids``."""
    layouts, run_ids = _layouts.set((layout,)), _run_ids.set(ids)
    try:
        yield
    finally:
        _run_ids.reset(run_ids)
        _layouts.reset(layouts)


def _next_id() -> int:
    return next(_run_ids.get() or _ids)


def unused_id() -> int:
    """An id no block has taken, nor will take outside ``numbered_from``."""
    return next(_ids)


@contextmanager
def numbered_from(first: int) -> Iterator[None]:
    """Within the block, new blocks (outside render functions) take ids from ``first`` on.
    ``limelight dev`` runs an edited app's file again from the first run's ``first``, so
    that a component an edit did not move keeps its id (and sessions its State). Blocks
    made afterwards take ids above every id given here."""
    global _ids
    ids = itertools.count(first)
    token = _run_ids.set(ids)
    try:
        yield
    finally:
        _run_ids.reset(token)
        _ids = itertools.count(max(next(ids), next(_ids)))


class BlockOptions(TypedDict, total=False):
    """Options every block accepts, declared once here and passed as keyword arguments."""

    visible: bool
    """Whether the block is shown. Hidden blocks still hold and send their values."""
    elem_id: str | None
    """An HTML id for the block, for custom CSS and JavaScript."""
    elem_classes: list[str] | str | None
    """Extra HTML classes for the block."""
    render: bool
    """False creates the block without placing it; ``.render()`` places it later."""
    key: int | str | tuple[int | str, ...] | None
    """Identifies the block across re-renders of ``@gr.render``."""
    preserved_by_key: list[str] | str | None
    """With ``key``: the props a re-render keeps from the block the user already sees
    (``"value"`` by default)."""


class Block:
    """Something with an id that can be placed in a layout and appears in the page config."""

    TYPE: ClassVar[str] = "block"
    """The name the frontend knows this kind of block by."""
    SKIP_API: ClassVar[bool] = True
    """True for blocks that carry no value for API clients (layouts, buttons, State)."""
    NOT_TAKEN: ClassVar[frozenset[str]] = frozenset()
    """Shared options (declared once for every component) that this kind of block does not
    take: Gradio's counterpart has no such parameter and limelight's view would not use it.
    Passing one is a ``TypeError``, as for any unknown keyword."""
    _constructor_args: dict[str, Any]

    def __new__(cls, *args: Any, **kwargs: Any) -> Self:
        for name in kwargs:
            if name in cls.NOT_TAKEN:
                raise TypeError(f"{cls.__name__}() got an unexpected keyword argument {name!r}")
        instance = super().__new__(cls)
        try:
            bound = inspect.signature(cls.__init__).bind(instance, *args, **kwargs)
        except TypeError:
            bound = None
        explicit = dict(bound.arguments) if bound else dict(kwargs)
        explicit.pop("self", None)
        explicit.update(explicit.pop("options", {}))
        instance._constructor_args = explicit
        return instance

    def __init__(
        self,
        *,
        visible: bool = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        key: int | str | tuple[int | str, ...] | None = None,
        preserved_by_key: list[str] | str | None = "value",
    ) -> None:
        self._id = _next_id()
        self.visible = visible
        self.elem_id = elem_id
        self.elem_classes = [elem_classes] if isinstance(elem_classes, str) else elem_classes or []
        self.key = key
        self.preserved_by_key = (
            [preserved_by_key]
            if isinstance(preserved_by_key, str)
            else list(preserved_by_key or [])
        )
        self.parent: BlockContext | None = None
        self.is_rendered = False
        if render:
            self.render()

    @property
    def id(self) -> int:
        """The block's id in the page config."""
        return self._id

    def render(self) -> Self:
        """Place the block in the innermost open layout (no-op outside any layout)."""
        layout = current_layout()
        if layout is not None and not self.is_rendered:
            layout.add_child(self)
        return self

    def unrender(self) -> Self:
        """Remove the block from the layout it was placed in."""
        if self.parent is not None:
            self.parent.children.remove(self)
            self.parent = None
        self.is_rendered = False
        return self

    def props(self) -> dict[str, Any]:
        """The block's properties as the page config carries them."""
        props = {
            "visible": self.visible,
            "elem_id": self.elem_id,
            "elem_classes": self.elem_classes,
            "name": self.TYPE,
        }
        if self.key is not None:
            props["preserved_by_key"] = self.preserved_by_key
        return props

    def config(self) -> dict[str, Any]:
        """The block's entry in the config's ``components`` list."""
        return {
            "id": self.id,
            "type": self.TYPE,
            "props": self.props(),
            "skip_api": self.SKIP_API,
            "component_class_id": type(self).__name__,
            "key": self.key,
        }

    def as_update(self) -> dict[str, Any]:
        """This instance, returned from a function, read as an update of the same-typed output:
        only the arguments given explicitly change (``gr.Column(visible=True)`` shows a column).
        """
        return {"__type__": UPDATE, **self._constructor_args}

    def __repr__(self) -> str:
        return f"<{type(self).__name__} id={self.id}>"


class BlockContext(Block):
    """A block that holds other blocks: used with ``with`` to place what is created inside."""

    def __init__(self, **options: Any) -> None:
        self.children: list[Block] = []
        super().__init__(**options)

    def add_child(self, child: Block) -> None:
        """Append ``child`` to this layout."""
        child.parent = self
        child.is_rendered = True
        self.children.append(child)

    def __enter__(self) -> Self:
        push_layout(self)
        return self

    def __exit__(self, *exc: object) -> None:
        pop_layout(self)

    def walk(self) -> list[Block]:
        """Every block below this one, depth first, parents before children."""
        found: list[Block] = []
        for child in self.children:
            found.append(child)
            if isinstance(child, BlockContext):
                found.extend(child.walk())
        return found

    def layout(self) -> dict[str, Any]:
        """The layout tree below this block, as the config's ``layout`` holds it."""
        node: dict[str, Any] = {"id": self.id}
        node["children"] = [
            child.layout() if isinstance(child, BlockContext) else {"id": child.id}
            for child in self.children
        ]
        return node
