"""Dataset: a table of sample values, one clickable row per sample (what ``gr.Examples`` shows)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Literal

from typing_extensions import Unpack

from limelight.components.base import Component, ComponentOptions, PayloadError
from limelight.core.events import EventListener
from limelight.exceptions import Error

__all__ = ["Dataset"]


class Dataset(Component):
    """Rows of samples, each value drawn the way ``components`` (one per column) show it.

    Clicking a row fires ``click`` and ``select``. As an input it passes the clicked row's
    values (``type="values"``), its index (``"index"``) or both (``"tuple"``).
    """

    TYPE = "dataset"
    NOT_TAKEN = frozenset({"info"})
    click = EventListener("click", "The user clicked a sample.")
    select = EventListener("select", "The user selected a sample.")

    def __init__(
        self,
        *,
        value: int | Callable[..., Any] | None = None,
        components: Sequence[Component] | None = None,
        samples: Sequence[Sequence[Any]] | None = None,
        headers: list[str] | None = None,
        type: Literal["values", "index", "tuple"] = "values",
        samples_per_page: int = 10,
        sample_labels: list[str] | None = None,
        layout: Literal["gallery", "table"] | None = None,
        component_props: list[dict[str, Any]] | None = None,
        proxy_url: str | None = None,
        **options: Unpack[ComponentOptions],
    ) -> None:
        self.components = list(components or [])
        self.samples = [list(row) for row in samples or []]
        self.headers = headers
        self.type = type
        self.samples_per_page = max(1, samples_per_page)
        self.sample_labels = sample_labels
        self.layout = layout
        options.setdefault("container", True)
        # Props for each column's component, when the app gives them instead of components.
        self.given_component_props = component_props
        self.proxy_url = proxy_url
        super().__init__(value, **options)

    def preprocess(self, payload: Any) -> Any:
        """The clicked sample: its values, its index, or ``(index, values)``."""
        if payload is None:
            return None
        if isinstance(payload, bool) or not isinstance(payload, int):
            raise PayloadError(f"Dataset expects a sample index, got {payload!r}")
        if not 0 <= payload < len(self.samples):
            raise PayloadError(
                f"Sample index {payload} is out of range (0..{len(self.samples) - 1})"
            )
        if self.type == "index":
            return payload
        if self.type == "tuple":
            return payload, self.samples[payload]
        return self.samples[payload]

    def postprocess(self, value: Any) -> int | None:
        """An index selects that sample; anything else selects none."""
        return value if isinstance(value, int) and not isinstance(value, bool) else None

    def _shown(self, row: list[Any]) -> list[Any]:
        """Each value as its column's component sends it to the browser."""
        shown = []
        for i, value in enumerate(row):
            component = self.components[i] if i < len(self.components) else None
            try:
                shown.append(component.postprocess(value) if component else value)
            except (PayloadError, Error, ValueError, OSError):
                # A sample the component cannot show (a file that is not there) is shown as
                # its text: one bad example must not take the page down.
                shown.append(str(value))
        return shown

    def normalize_prop(self, name: str, value: Any) -> Any:
        if name == "samples":
            self.samples = [list(row) for row in value or []]
            return [self._shown(row) for row in self.samples]
        return super().normalize_prop(name, value)

    def api_info(self) -> dict[str, Any]:
        return {"type": "integer", "description": "index of the selected sample"}

    def example_payload(self) -> int | None:
        return 0 if self.samples else None

    def component_props(self) -> dict[str, Any]:
        return {
            "proxy_url": self.proxy_url,
            "components": [c.TYPE for c in self.components],
            "component_props": self.given_component_props or [c.props() for c in self.components],
            "headers": self.headers
            if self.headers is not None
            else [c.label or "" for c in self.components],
            "samples": [self._shown(row) for row in self.samples],
            "type": self.type,
            "samples_per_page": self.samples_per_page,
            "sample_labels": self.sample_labels,
            "layout": self.layout,
        }
