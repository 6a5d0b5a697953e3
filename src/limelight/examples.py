"""``gr.Examples``: sample inputs under a form; a click fills the inputs (and may run ``fn``)."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import Any, Literal

from . import context
from .blocks_base import BlocksBase
from .components.base import Component
from .components.dataset import Dataset
from .example_cache import ExampleCache

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
    """

    def __init__(
        self,
        examples: Sequence[Any],
        inputs: Component | Sequence[Component],
        outputs: Component | Sequence[Component] | None = None,
        fn: Callable[..., Any] | None = None,
        *,
        label: str | None = "Examples",
        examples_per_page: int = 10,
        run_on_click: bool = False,
        example_labels: list[str] | None = None,
        elem_id: str | None = None,
        visible: bool = True,
        preprocess: bool = True,
        postprocess: bool = True,
        cache_examples: bool | Literal["lazy"] | None = None,
        cache_mode: Literal["eager", "lazy"] | None = None,
        **ignored: Any,
    ) -> None:
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
            api_name=False,
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
        elif run_on_click and fn is not None:
            load.then(
                fn,
                self.inputs,
                self.outputs,
                api_name=False,
                preprocess=preprocess,
                postprocess=postprocess,
            )

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
