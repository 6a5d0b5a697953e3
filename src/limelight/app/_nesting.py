"""An app inside an app: an ``Interface`` built in a ``with gr.Blocks():`` block, a ``Blocks``
rendered into another's ``Tab`` (as ``TabbedInterface`` does), a ``ChatInterface`` in a
layout. The inner app's blocks move into the enclosing layout as one column and its
listeners join the enclosing app, renumbered, with endpoint names made unique
(``predict``, ``predict_1``, ...), as in Gradio.
"""

from __future__ import annotations

from typing import Any, Protocol

from limelight.core.block import Block, current_layout
from limelight.core.dependency import Dependency, DependencyRegistry, Trigger
from limelight.layouts import Column


class NestedApp(Protocol):
    """What nesting needs of the inner app (a ``BlocksBase``)."""

    children: list[Block]
    fns: list[Dependency]
    example_caches: list[Any]


__all__ = ["NestedApp", "move_into", "retarget"]


def retarget(targets: list[Trigger], inner: object, host: DependencyRegistry) -> list[Trigger]:
    """``targets`` with the inner app's own events (``load``) made the host's."""
    if not isinstance(host, Block):
        return targets
    return [(host if block is inner else block, event) for block, event in targets]


def move_into(inner: NestedApp, host: DependencyRegistry) -> None:
    """Place ``inner``'s layout in the current layout and give its listeners to ``host``."""
    column = Column(render=False)
    for child in list(inner.children):
        inner.children.remove(child)
        child.parent = None
        column.add_child(child)
    layout = current_layout()
    if layout is not None:
        layout.add_child(column)
    moved = list(inner.fns)
    inner.fns.clear()
    renumbered: dict[int, int] = {}
    for dep in moved:
        old = dep.id
        dep.api_name = host.unique_api_name(dep.api_name)
        dep.id = host.next_dependency_id()
        renumbered[old] = dep.id
        if dep.concurrency_id == str(old):
            dep.concurrency_id = str(dep.id)
        dep.page = getattr(host, "current_page", "")
        host.fns.append(dep)
    for dep in moved:
        _relink(dep, inner, host, renumbered)
    caches = getattr(host, "example_caches", None)
    if isinstance(caches, list):
        caches.extend(inner.example_caches)


def _relink(
    dep: Dependency, inner: NestedApp, host: DependencyRegistry, renumbered: dict[int, int]
) -> None:
    dep.registry = host
    dep.targets = retarget(dep.targets, inner, host)
    if dep.trigger_after is not None:
        dep.trigger_after = renumbered.get(dep.trigger_after, dep.trigger_after)
    dep.cancels = [renumbered.get(i, i) for i in dep.cancels]
    if dep.renderable is not None and dep.renderable.app is inner and isinstance(host, Block):
        dep.renderable.app = host
