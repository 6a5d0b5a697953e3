"""``gr.Examples``: sample inputs under a form; a click fills the inputs (and may run ``fn``)."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import Any, Literal

from . import context
from .blocks_base import BlocksBase
from .components.base import Component
from .components.dataset import Dataset
from .dependency import ListenerOptions
from .example_cache import ExampleCache
from .exceptions import UnsupportedOption

__all__ = ["Examples"]


def _rows(examples: Sequence[Any], width: int) -> list[list[Any]]:
    """One list per example; with one input, a bare value is a one-item row."""
    rows = []
    for example in examples:
        listed = isinstance(example, (list, tuple))
        if width == 1 and not (listed and len(example) == 1):
            row = [example]
        else:
            row = list(example) if listed else [example]
        if len(row) != width:
            raise ValueError(f"Each example needs {width} value(s), one per input; got {example!r}")
        rows.append(row)
    return rows


class Examples:
    """A table of example inputs. Clicking one fills ``inputs`` with it; with
    ``run_on_click=True`` it also runs ``fn`` and fills ``outputs``.

    The click is an endpoint named ``api_name`` ("load_example"), hidden from the API docs
    unless ``api_visibility`` says otherwise, as in Gradio. With examples cached eagerly and
    no input given a value of its own, the page opens showing example ``preload`` and its
    cached outputs.
    """

    def __init__(
        self,
        examples: Sequence[Any] | str,
        inputs: Component | Sequence[Component],
        outputs: Component | Sequence[Component] | None = None,
        fn: Callable[..., Any] | None = None,
        cache_examples: bool | Literal["lazy"] | None = None,
        cache_mode: Literal["eager", "lazy"] | None = None,
        examples_per_page: int = 10,
        label: str | None = "Examples",
        elem_id: str | None = None,
        run_on_click: bool = False,
        preprocess: bool = True,
        postprocess: bool = True,
        api_visibility: Literal["public", "private", "undocumented"] = "undocumented",
        api_name: str | None = "load_example",
        api_description: str | Literal[False] | None = None,
        batch: bool = False,
        *,
        example_labels: list[str] | None = None,
        visible: bool = True,
        preload: int | Literal[False] = 0,
    ) -> None:
        if isinstance(examples, str):
            raise UnsupportedOption(
                "Examples", "examples='<folder>'", "examples are given as a list of rows"
            )
        if batch:
            raise UnsupportedOption("Examples", "batch=True", "examples run one at a time")
        self.inputs = [inputs] if isinstance(inputs, Component) else list(inputs)
        if outputs is None:
            self.outputs = []
        else:
            self.outputs = [outputs] if isinstance(outputs, Component) else list(outputs)
        self.fn = fn
        self.examples = _rows(examples, len(self.inputs))
        self.dataset = Dataset(
            components=self.inputs,
            samples=self.examples,
            type="index",
            label=label,
            samples_per_page=examples_per_page,
            sample_labels=example_labels,
            elem_id=elem_id,
            visible=visible,
        )
        load = self.dataset.click(
            self.load_example,
            self.dataset,
            self.inputs,
            api_name=api_name,
            api_visibility=api_visibility,
            api_description="" if api_description is False else api_description,
            queue=False,
            show_progress="hidden",
            postprocess=True,
        )
        self.load_dependency = load
        self.cache = self._cache(cache_examples, cache_mode)
        if self.cache is not None:
            load.then(
                self._cached_outputs,
                self.dataset,
                self.outputs,
                api_name=False,
                postprocess=False,
                queue=False,
                show_progress="hidden",
            )
            self._preload(preload)
        elif run_on_click and fn is not None:
            load.then(
                fn,
                self.inputs,
                self.outputs,
                api_name=False,
                preprocess=preprocess,
                postprocess=postprocess,
            )

    def _preload(self, index: int | Literal[False]) -> None:
        """Show example ``index`` and its cached outputs when the page opens (eager caches,
        inputs without a value of their own), as Gradio does."""
        app = context.current_root()
        cache = self.cache
        if cache is None or cache.lazy or index is False or not isinstance(app, BlocksBase):
            return
        if any(c.initial_value is not None for c in self.inputs):
            return
        if not 0 <= index < len(self.examples):
            raise IndexError(f"preload={index}, but there are {len(self.examples)} examples")

        def example() -> Any:
            return self.load_example(index)

        async def outputs() -> Any:
            return await self._cached_outputs(index)

        quiet: ListenerOptions = {"api_name": False, "queue": False, "show_progress": "hidden"}
        cached: ListenerOptions = {**quiet, "postprocess": False}
        app.load(example, None, self.inputs, **quiet).then(outputs, None, self.outputs, **cached)

    def _cache(
        self, cache_examples: bool | Literal["lazy"] | None, cache_mode: str | None
    ) -> ExampleCache | None:
        """The cache of outputs, when asked for (or ``GRADIO_CACHE_EXAMPLES`` says so)."""
        if cache_examples is None:
            setting = os.environ.get("GRADIO_CACHE_EXAMPLES", "").lower()
            cache_examples = "lazy" if setting == "lazy" else setting in ("true", "1")
        if not cache_examples or self.fn is None or not self.outputs:
            return None
        lazy = cache_examples == "lazy" or cache_mode == "lazy"
        cache = ExampleCache(self.fn, self.examples, self.inputs, self.outputs, lazy=lazy)
        app = context.current_root()
        if isinstance(app, BlocksBase):
            app.example_caches.append(cache)
        return cache

    async def _cached_outputs(self, index: int) -> Any:
        assert self.cache is not None
        payloads = await self.cache.get(index)
        return payloads[0] if len(payloads) == 1 else tuple(payloads)

    def load_example(self, index: int) -> Any:
        """The values of example ``index``, as its inputs take them."""
        row = self.examples[index]
        return row[0] if len(row) == 1 else tuple(row)
