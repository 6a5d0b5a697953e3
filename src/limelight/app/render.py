"""``@gr.render``: a function that builds components and listeners anew on each trigger.

The decorator places a container where it is written and wires a dependency that runs
the function (by default on page load and on every change of its inputs). Each run builds
blocks and listeners for that session only; the browser receives them as the event's
``render_config`` and replaces the container's contents. A component created with the
same ``key`` as one of the previous run keeps its id, so the browser keeps its value.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Iterator, Sequence
from typing import Any, Literal

import anyio

from limelight.app.blocks_base import BlocksBase
from limelight.app.config import component_config, dependency_config, interactive_ids
from limelight.app.session_data import RenderResult, SessionData
from limelight.components.base import Component
from limelight.core.block import Block, BlockContext, current_layout
from limelight.core.dependency import Dependency, DependencyRegistry, current_root, rendering
from limelight.core.events import BoundListener
from limelight.layouts import Column, Row

__all__ = ["RENDER_BASE", "RENDER_SPAN", "Renderable", "render", "run_ids"]

RENDER_BASE = 1 << 30
"""Ids of what render functions make start here, far above any app's own blocks and
dependencies."""
RENDER_SPAN = 1 << 20
"""Ids one render container's runs use: block ids and listener ids each have this many."""

Fn = Callable[..., Any]


class _RenderRegistry(DependencyRegistry):
    """Collects the listeners one run of a render function creates. A listener whose
    ``key`` one of the previous run's listeners had takes that one's id (``kept``)."""

    def __init__(self, container_id: int, previous: RenderResult | None) -> None:
        super().__init__()
        self.kept = {d.key: d.id for d in previous.fns if d.key is not None} if previous else {}
        self.ids = run_ids(container_id, {d.id for d in previous.fns} if previous else set())

    def next_dependency_id(self) -> int:
        return next(self.ids)

    def add_dependency(self, *args: Any, **kwargs: Any) -> Dependency:
        dep = super().add_dependency(*args, **kwargs)
        old_id = self.kept.get(dep.key) if dep.key is not None else None
        if old_id is not None:
            if dep.concurrency_id == str(dep.id):
                dep.concurrency_id = str(old_id)
            dep.id = old_id
        return dep


def run_ids(container_id: int, taken: set[int]) -> Iterator[int]:
    """The ids one run of the render function in ``container_id`` gives out, in order: the
    same in every process (what a session's render made means the same to every server of
    the app). They skip ``taken``, the previous run's ids: its keyed blocks and listeners keep
    theirs, and the page never takes a new block for the one it replaces."""
    start = RENDER_BASE + container_id * RENDER_SPAN
    for candidate in range(start, start + RENDER_SPAN):
        if candidate not in taken:
            yield candidate
    raise RuntimeError(f"a render function made more than {RENDER_SPAN} blocks in one run")


class _RenderTarget(BlockContext):
    """Stands in for the container while a run builds its contents (same id)."""

    TYPE = "column"

    def __init__(self, container: BlockContext) -> None:
        super().__init__(render=False)
        self._id = container.id


class Renderable:
    """The container and function of one ``@gr.render``."""

    def __init__(self, fn: Fn, app: BlocksBase, container: BlockContext) -> None:
        self.fn = fn
        self.app = app
        self.container = container

    def _build(
        self, values: list[Any], registry: _RenderRegistry, previous: RenderResult | None
    ) -> tuple[_RenderTarget, _RenderRegistry]:
        target = _RenderTarget(self.container)
        with rendering(target, registry, self._block_ids(previous)):
            self.fn(*values)
        return target, registry

    def _block_ids(self, previous: RenderResult | None) -> Iterator[int]:
        return run_ids(self.container.id, set(previous.blocks) if previous else set())

    async def run(self, values: list[Any], session: SessionData) -> dict[str, Any]:
        """Run the function for ``session`` and return the ``render_config`` to send."""
        previous = session.rendered.get(self.container.id)
        registry = _RenderRegistry(self.container.id, previous)
        if inspect.iscoroutinefunction(self.fn):
            target = _RenderTarget(self.container)
            with rendering(target, registry, self._block_ids(previous)):
                await self.fn(*values)
        else:
            target, registry = await anyio.to_thread.run_sync(
                functools.partial(self._build, values, registry, previous)
            )
        blocks = target.walk()
        self._keep_keyed_ids(blocks, previous)
        for dep in registry.fns:
            dep.rendered_in = self.container.id
        session.rendered[self.container.id] = RenderResult(
            {block.id: block for block in blocks}, registry.fns
        )
        return self._config(target, blocks, registry.fns)

    @staticmethod
    def _keep_keyed_ids(blocks: list[Block], previous: RenderResult | None) -> None:
        if previous is None:
            return
        keyed = {(type(b), b.key): b.id for b in previous.blocks.values() if b.key is not None}
        for block in blocks:
            old_id = keyed.get((type(block), block.key)) if block.key is not None else None
            if old_id is not None:
                block._id = old_id

    def _config(
        self, target: _RenderTarget, blocks: list[Block], fns: list[Dependency]
    ) -> dict[str, Any]:
        interactive = interactive_ids(blocks, fns)
        return {
            "id": self.container.id,
            "layout": target.layout(),
            "components": [component_config(block, interactive) for block in blocks],
            "dependencies": [dependency_config(self.app, dep) for dep in fns],
        }


def render(
    inputs: Component | Sequence[Component] | None = None,
    triggers: BoundListener | Sequence[BoundListener] | None = None,
    *,
    queue: bool = True,
    trigger_mode: Literal["once", "multiple", "always_last"] | None = "always_last",
    concurrency_limit: int | Literal["default"] | None = None,
    concurrency_id: str | None = None,
    show_progress: Literal["full", "minimal", "hidden"] = "full",
) -> Callable[[Fn], Fn]:
    """Decorate a function that creates components and listeners; it runs again (for
    that session) whenever a trigger fires, replacing what it made last time.

    Default triggers: the page loading and a change of any of ``inputs``.
    """
    app = current_root()
    layout = current_layout()
    if not isinstance(app, BlocksBase) or layout is None:
        raise RuntimeError("@gr.render must be used inside a `with gr.Blocks():` block.")
    input_list = [inputs] if isinstance(inputs, Component) else list(inputs or [])
    if triggers is None:
        targets: list[tuple[Block | None, str]] = [(app, "load")]
        targets += [(block, "change") for block in input_list]
    else:
        listeners = [triggers] if isinstance(triggers, BoundListener) else list(triggers)
        targets = [(listener.block, listener.event) for listener in listeners]

    def decorate(fn: Fn) -> Fn:
        container: BlockContext = Row() if isinstance(layout, Row) else Column()
        dep = app.add_dependency(
            targets,
            fn,
            input_list,
            [],
            api_visibility="private",
            api_name=False,
            queue=queue,
            trigger_mode=trigger_mode,
            concurrency_limit=concurrency_limit,
            concurrency_id=concurrency_id,
            show_progress=show_progress,
        )
        dep.renderable = Renderable(fn, app, container)
        return fn

    return decorate
