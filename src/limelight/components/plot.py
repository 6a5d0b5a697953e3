"""Plot: a matplotlib, plotly or altair figure, drawn as an image or an interactive chart."""

from __future__ import annotations

import base64
import io
import json
from typing import Any, Literal

from typing_extensions import Unpack

from limelight.components.base import Component, ComponentOptions, PayloadError

__all__ = ["Plot"]

PlotType = Literal["matplotlib", "plotly", "altair", "bokeh"]
_MIME = {"svg": "image/svg+xml", "jpg": "image/jpeg"}


def _library(value: Any) -> str:
    """The plotting library a figure comes from, read from its module name."""
    module = getattr(value, "__module__", None) or getattr(value, "__name__", "")
    return str(module).split(".", 1)[0]


def figure_to_data_url(figure: Any, fmt: str) -> str:
    """A matplotlib figure (or ``pyplot`` itself) saved as ``fmt`` into a ``data:`` URL."""
    with io.BytesIO() as buffer:
        # The whole canvas, as Gradio saves it: a tight box would crop it a few pixels smaller.
        figure.savefig(buffer, format=fmt)
        encoded = base64.b64encode(buffer.getvalue()).decode("ascii")
    return f"data:{_MIME.get(fmt, f'image/{fmt}')};base64,{encoded}"


def _close(figure: Any) -> None:
    """Free a rendered figure, so a function that makes one per call does not leak them."""
    # lazy: matplotlib is optional; only apps that return its figures reach here
    from matplotlib import pyplot  # type: ignore[import-not-found,unused-ignore]
    from matplotlib.figure import Figure  # type: ignore[import-not-found,unused-ignore]

    if isinstance(figure, Figure):
        pyplot.close(figure)


class Plot(Component):
    """A figure as an output. A matplotlib ``Figure`` is rendered on the server to an image
    (``format``: ``"webp"``, ``"png"``, ``"svg"``, ``"jpg"``) and sent as a ``data:`` URL;
    a plotly figure or an altair chart is sent as its JSON spec, as Gradio does, and drawn
    interactively in the browser (plotly.js or vega-embed, loaded only by pages that receive
    one). The payload is ``{"type": "matplotlib" | "plotly" | "altair", "plot": str}``.
    limelight never imports plotly or altair: it reads a figure's module name and calls its
    ``to_json``.
    """

    TYPE = "plot"
    NOT_TAKEN = frozenset({"info"})

    def __init__(
        self,
        value: Any = None,
        *,
        format: str = "webp",
        **options: Unpack[ComponentOptions],
    ) -> None:
        self.format = format
        super().__init__(value, **options)

    def postprocess(self, value: Any) -> dict[str, Any] | None:
        """``{"type", "plot"}`` from a figure; a payload-shaped dict passes through."""
        if value is None:
            return None
        if isinstance(value, dict):
            return self._checked(value)
        library = _library(value)
        if library == "matplotlib":
            url = figure_to_data_url(value, self.format)
            _close(value)
            return {"type": "matplotlib", "plot": url}
        if library in ("plotly", "altair") and hasattr(value, "to_json"):
            return {"type": library, "plot": value.to_json()}
        if library == "bokeh":
            # lazy: bokeh is optional; only apps that return its models reach here
            from bokeh.embed import json_item  # type: ignore[import-not-found,unused-ignore]

            return {"type": "bokeh", "plot": json.dumps(json_item(value))}
        raise PayloadError(
            f"Plot cannot show a {type(value).__name__}; "
            "return a matplotlib Figure, a plotly figure or an altair chart"
        )

    @staticmethod
    def _checked(payload: dict[str, Any]) -> dict[str, Any]:
        kind, plot = payload.get("type"), payload.get("plot")
        if kind not in ("matplotlib", "plotly", "altair", "bokeh") or not isinstance(plot, str):
            raise PayloadError("Plot expects {'type': 'matplotlib'|'plotly'|'altair', 'plot': str}")
        return {"type": kind, "plot": plot}

    def preprocess(self, payload: Any) -> dict[str, Any] | None:
        """The payload as it came (a figure cannot be rebuilt from an image)."""
        if payload is None:
            return None
        if not isinstance(payload, dict):
            raise PayloadError("Plot expects {'type': ..., 'plot': str} or null")
        return self._checked(payload)

    def api_info(self) -> dict[str, Any]:
        return {
            "type": "object",
            "title": "PlotData",
            "properties": {
                "type": {"type": "string", "enum": ["altair", "bokeh", "plotly", "matplotlib"]},
                "plot": {"type": "string"},
            },
            "required": ["type", "plot"],
        }

    def example_payload(self) -> None:
        return None

    def component_props(self) -> dict[str, Any]:
        return {"format": self.format}
