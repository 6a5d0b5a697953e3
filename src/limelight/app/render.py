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
import logging
from collections.abc import Callable, Iterator, Sequence
from typing import Any, Literal

import anyio

from limelight.app.blocks_base import BlocksBase
from limelight.app.config import component_config, dependency_config, interactive_ids
from limelight.app.session_data import (
    LiveRender,
    RenderIds,
    RenderResult,
    SessionData,
    block_key,
)
from limelight.components.base import Component
from limelight.core.block import Block, BlockContext, current_layout
from limelight.core.dependency import Dependency, DependencyRegistry, current_root, rendering
from limelight.core.events import BoundListener
from limelight.layouts import Column, Row

__all__ = [
    "RENDER_BASE",
    "RENDER_SPAN",
    "Renderable",
    "made_in",
    "render",
    "restore_render",
    "run_ids",
]

RENDER_BASE = 1 << 30
"""Ids of what render functions make start here, far above any app's own blocks and
dependencies."""
RENDER_SPAN = 1 << 20
"""Ids one render container's runs use: block ids and listener ids each have this many."""

Fn = Callable[..., Any]

log = logging.getLogger("limelight")


class _RenderRegistry(DependencyRegistry):
    """Collects the listeners one run of a render function creates. A listener whose
    ``key`` one of the previous run's listeners had takes that one's id."""

    def __init__(self, container_id: int, previous: RenderIds) -> None:
        super().__init__()
        self.kept = previous.fn_keys
        self.ids = run_ids(container_id, set(previous.fn_ids))

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

    async def _make(
        self, values: list[Any], previous: RenderIds
    ) -> tuple[_RenderTarget, LiveRender]:
        """Run the function on ``values``: what it made, with the ids that follow from the
        previous run's (the same in every process)."""
        registry = _RenderRegistry(self.container.id, previous)
        target = _RenderTarget(self.container)
        ids = run_ids(self.container.id, set(previous.block_ids))
        if inspect.iscoroutinefunction(self.fn):
            with rendering(target, registry, ids):
                await self.fn(*values)
        else:
            await anyio.to_thread.run_sync(
                functools.partial(self._build, values, target, registry, ids)
            )
        blocks = target.walk()
        for block in blocks:
            old_id = previous.block_keys.get(block_key(block)) if block.key is not None else None
            if old_id is not None:
                block._id = old_id
        for dep in registry.fns:
            dep.rendered_in = self.container.id
        return target, LiveRender({block.id: block for block in blocks}, registry.fns)

    def _build(
        self,
        values: list[Any],
        target: _RenderTarget,
        registry: _RenderRegistry,
        ids: Iterator[int],
    ) -> None:
        with rendering(target, registry, ids):
            self.fn(*values)

    async def run(self, values: list[Any], session: SessionData) -> dict[str, Any]:
        """Run the function for ``session`` and return the ``render_config`` to send."""
        before = session.rendered.get(self.container.id)
        previous = before.made if before is not None else RenderIds()
        target, live = await self._make(values, previous)
        config = self._config(target, list(live.blocks.values()), live.fns)
        made = RenderIds(
            frozenset(live.blocks),
            frozenset(dep.id for dep in live.fns),
            {block_key(b): b.id for b in live.blocks.values() if b.key is not None},
            {dep.key: dep.id for dep in live.fns if dep.key is not None},
        )
        session.set_rendered(RenderResult(self.container.id, values, previous, made, config, live))
        return config

    async def rebuild(self, result: RenderResult) -> None:
        """Make this process's blocks and listeners of a run another process made, by
        running the function again on the run's inputs (render functions build the same
        components for the same inputs, as a page reload relies on too)."""
        _, result.live = await self._make(result.inputs, result.previous)

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


def made_in(item_id: int) -> int | None:
    """The render container whose runs gave out this block or listener id (None for the
    app's own ids): ``run_ids`` gives each container a range of its own."""
    return (item_id - RENDER_BASE) // RENDER_SPAN if item_id >= RENDER_BASE else None


async def restore_render(app: BlocksBase, session: SessionData, item_id: int) -> None:
    """Make sure this process holds the live blocks and listeners of the ``session``'s
    render that made ``item_id`` (a rendered listener's ``fn_index`` or a rendered block's
    id): when the render ran in another process, and its data came here through a store that
    pickles, run the function again on the stored inputs (a nested render's containing
    renders first). A render that fails to run again leaves the id unknown, as if the
    render were gone."""
    chain = []
    container_id = made_in(item_id)
    while container_id is not None:
        chain.append(container_id)
        container_id = made_in(container_id)
    for container_id in reversed(chain):
        result = session.rendered.get(container_id)
        if result is None or result.live is not None:
            continue
        renderable = _renderable(app, session, container_id)
        if renderable is None:
            return
        try:
            await renderable.rebuild(result)
        except Exception:
            log.exception("Could not run the render of container %s again", container_id)
            return


def _renderable(app: BlocksBase, session: SessionData, container_id: int) -> Renderable | None:
    live = [r.live.fns for r in session.rendered.values() if r.live is not None]
    for dep in [*app.fns, *(dep for fns in live for dep in fns)]:
        found = dep.renderable
        if isinstance(found, Renderable) and found.container.id == container_id:
            return found
    return None


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
