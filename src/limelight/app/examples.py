"""``gr.Examples``: sample inputs under a form; a click fills the inputs (and may run ``fn``)."""

from __future__ import annotations

import csv
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Literal

from limelight.app.blocks_base import BlocksBase
from limelight.app.example_cache import ExampleCache
from limelight.components.base import Component
from limelight.components.dataset import Dataset
from limelight.core.dependency import current_root

__all__ = ["Examples"]


def _rows(examples: Sequence[Any], width: int) -> list[list[Any]]:
    """One list of ``width`` values per example, as Gradio reads them: with one input a bare
    value is a one-item row; values past the last input are left out (rows copied from a
    flagging log carry outputs too) and missing ones are None (no example for that input)."""
    rows = []
    for example in examples:
        listed = isinstance(example, (list, tuple))
        if width == 1 and not (listed and len(example) == 1):
            row = [example]
        else:
            row = list(example) if listed else [example]
        rows.append([*row[:width], *[None] * (width - len(row))])
    return rows


def _from_folder(folder: str, width: int) -> list[list[Any]]:
    """Examples kept in a folder: its files (one input), or the rows of its ``log.csv``
    (several inputs; file names in it are relative to the folder)."""
    path = Path(folder)
    if not path.is_dir():
        raise FileNotFoundError(f"Could not find the examples folder {folder!r}.")
    log = path / "log.csv"
    if not log.exists():
        if width != 1:
            raise FileNotFoundError(
                f"Examples in the folder {folder!r} for {width} inputs need a log.csv that "
                "lists one example per row."
            )
        return [[str(file)] for file in sorted(path.iterdir()) if file.is_file()]
    with log.open(newline="") as handle:
        rows = list(csv.reader(handle))[1:]
    return [[_in_folder(path, cell) for cell in row[:width]] for row in rows]


def _in_folder(folder: Path, cell: str) -> str:
    candidate = folder / cell
    return str(candidate) if cell and candidate.is_file() else cell


class Examples:
    """A table of example inputs. Clicking one fills ``inputs`` with it; with
    ``run_on_click=True`` it also runs ``fn`` and fills ``outputs``.
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
        _api_mode: bool = False,
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
        _initiated_directly: bool = True,
    ) -> None:
        """``examples``: a list of rows (one value per input; a bare value with one input), or
        a folder holding them. ``api_visibility``, ``api_name`` and ``api_description`` name
        the event that loads an example; ``batch=True`` means ``fn`` takes and returns lists
        (for caching); ``preload`` fills the inputs and outputs with that cached example when
        the page opens (eager caching, inputs without a value of their own), as in Gradio."""
        self.inputs = [inputs] if isinstance(inputs, Component) else list(inputs)
        if outputs is None:
            self.outputs = []
        else:
            self.outputs = [outputs] if isinstance(outputs, Component) else list(outputs)
        self.fn = _unbatched(fn) if batch and fn is not None else fn
        width = len(self.inputs)
        rows = _from_folder(examples, width) if isinstance(examples, str) else examples
        self.examples = _rows(rows, width)
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
        self.cache = self._cache(cache_examples, cache_mode)
        # Named as Gradio names these listeners, so that later endpoints number alike.
        load = self.dataset.click(
            self._load,
            self.dataset,
            self.inputs,
            api_name=api_name if self.cache is None or not api_name else f"{api_name}_input",
            api_visibility=api_visibility,
            api_description=api_description or None,
            queue=False,
            show_progress="hidden",
            postprocess=True,
        )
        self.load_dependency = load
        if self.cache is not None:
            load.then(
                self._cached_outputs,
                self.dataset,
                self.outputs,
                api_name=api_name,
                api_visibility=api_visibility,
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
                batch=batch,
            )
        if preload is not False and self.examples:
            self._preload(preload)

    def _preload(self, index: int) -> None:
        """Show example ``index`` and its cached outputs when the page opens: only with eager
        caching, and only when no input was given a value of its own (as in Gradio)."""
        app = current_root()
        eager = self.cache is not None and not self.cache.lazy
        if not eager or not isinstance(app, BlocksBase):
            return
        if any(component.value is not None for component in self.inputs):
            return
        hidden: dict[str, Any] = {"api_visibility": "undocumented", "show_progress": "hidden"}

        async def outputs() -> Any:
            return await self._cached_outputs(index)

        app.load(
            lambda: self._load(index),
            None,
            self.inputs,
            queue=False,
            api_name="load_example_input",
            **hidden,
        )
        app.load(
            outputs, None, self.outputs, postprocess=False, api_name="load_example_output", **hidden
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
        app = current_root()
        if isinstance(app, BlocksBase):
            app.example_caches.append(cache)
        return cache

    async def _cached_outputs(self, index: int) -> Any:
        assert self.cache is not None
        payloads = await self.cache.get(index)
        return payloads[0] if len(payloads) == 1 else tuple(payloads)

    def _load(self, index: int) -> Any:
        row = self.examples[index]
        return row[0] if len(row) == 1 else tuple(row)


def _unbatched(fn: Callable[..., Any]) -> Callable[..., Any]:
    """A batch function (a list per input in, a list per output out) called with one example,
    as caching calls it."""

    def one(*values: Any) -> Any:
        outputs = list(fn(*[[value] for value in values]))
        firsts = [output[0] for output in outputs]
        return firsts[0] if len(firsts) == 1 else tuple(firsts)

    return one
