"""``gr.Examples``: sample inputs under a form; a click fills the inputs (and may run ``fn``)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from .components.base import Component
from .components.dataset import Dataset

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
            self._load,
            self.dataset,
            self.inputs,
            api_name=False,
            queue=False,
            show_progress="hidden",
            postprocess=True,
        )
        self.load_dependency = load
        if run_on_click and fn is not None:
            load.then(
                fn,
                self.inputs,
                self.outputs,
                api_name=False,
                preprocess=preprocess,
                postprocess=postprocess,
            )

    def _load(self, index: int) -> Any:
        row = self.examples[index]
        return row[0] if len(row) == 1 else tuple(row)
