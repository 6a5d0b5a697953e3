"""The base of LinePlot, ScatterPlot and BarPlot: a pandas DataFrame charted in the browser."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Any, ClassVar, Literal

from typing_extensions import Unpack

from limelight.components.base import Component, ComponentOptions, PayloadError
from limelight.core.events import EventListener

__all__ = ["NativePlot"]

DataKind = Literal["quantitative", "nominal", "temporal"]
KINDS = ("quantitative", "nominal", "temporal")
Aggregate = Literal["sum", "mean", "median", "min", "max", "count"]
AGGREGATES = ("sum", "mean", "median", "min", "max", "count")
_DURATION = re.compile(r"\d+(\.\d+)?[smhd]")


def _checked_bin(x_bin: str | float | None) -> str | float | None:
    """``x_bin`` as given, once known to be a positive width or a duration such as ``"1h"``."""
    if x_bin is None or (isinstance(x_bin, str) and _DURATION.fullmatch(x_bin.strip())):
        return x_bin
    if isinstance(x_bin, int | float) and not isinstance(x_bin, bool) and x_bin > 0:
        return x_bin
    raise ValueError(
        f"x_bin must be a positive number (numeric x) or a duration such as '10s', '15m', "
        f"'1h', '1d' (datetime x), not {x_bin!r}"
    )


def _checked_aggregate(y_aggregate: str | None) -> str | None:
    if y_aggregate is None or y_aggregate in AGGREGATES:
        return y_aggregate
    raise ValueError(f"y_aggregate must be one of {', '.join(AGGREGATES)}, not {y_aggregate!r}")


def _kind(series: Any) -> DataKind:
    """How a column is plotted: numbers on a linear scale, dates in time, the rest by name."""
    # lazy: pandas is optional; only plots of DataFrames reach here
    from pandas.api import types  # type: ignore[import-untyped,import-not-found,unused-ignore]

    if types.is_bool_dtype(series.dtype):
        return "nominal"
    if types.is_numeric_dtype(series.dtype):
        return "quantitative"
    if types.is_datetime64_any_dtype(series.dtype):
        return "temporal"
    return "nominal"


def _epoch_ms(series: Any) -> Any:
    """A datetime column as milliseconds since the epoch (UTC), missing dates as None."""
    if getattr(series.dt, "tz", None) is not None:
        series = series.dt.tz_convert("UTC").dt.tz_localize(None)
    millis = series.astype("datetime64[ms]").astype("int64").astype(object)
    return millis.where(series.notna(), None)


def _payload(payload: Any) -> dict[str, Any]:
    """The payload checked: columns, rows as wide as the columns, a kind per column."""
    if not isinstance(payload, dict):
        raise PayloadError("A plot expects {'columns': [...], 'data': [[...]], 'datatypes': {...}}")
    columns, data = payload.get("columns"), payload.get("data")
    datatypes = payload.get("datatypes") or {}
    if not isinstance(columns, list) or not all(isinstance(c, str) for c in columns):
        raise PayloadError("A plot's 'columns' must be a list of strings")
    if not isinstance(data, list):
        raise PayloadError("A plot's 'data' must be a list of rows")
    for i, row in enumerate(data):
        if not isinstance(row, list) or len(row) != len(columns):
            raise PayloadError(
                f"Plot row {i} has the wrong number of cells ({len(columns)} expected)"
            )
    if not isinstance(datatypes, dict) or any(v not in KINDS for v in datatypes.values()):
        raise PayloadError(f"A plot's 'datatypes' map columns to one of {', '.join(KINDS)}")
    return {"columns": columns, "data": data, "datatypes": datatypes, "mark": payload.get("mark")}


class NativePlot(Component):
    """A chart of a pandas ``DataFrame``, one column on each axis; ``color`` splits it into
    series (stacked, in a bar chart). The browser draws it with uPlot, loaded only by pages
    that show a plot. ``x_bin`` groups x values into bins: a width for numeric x, a duration
    (``"10s"``, ``"15m"``, ``"1h"``, ``"1d"``) for datetime x; ``y_aggregate`` (``"sum"`` by
    default, ``"mean"``, ``"median"``, ``"min"``, ``"max"``, ``"count"``) combines the y values
    of each bin or category. As in Gradio, the rows travel as they are and the browser groups
    them, so changing ``x_bin`` or ``y_aggregate`` needs no new data.
    Dragging across the chart fires ``select`` with the x range
    (``SelectData.index == [x_min, x_max]``); a double click fires ``double_click``.
    """

    TYPE = "nativeplot"
    MARK: ClassVar[str] = "native"
    select = EventListener("select", "The user dragged across the chart to select an x range.")
    double_click = EventListener("double_click", "The user double-clicked the chart.")

    def __init__(
        self,
        value: Any = None,
        x: str | None = None,
        y: str | None = None,
        *,
        color: str | None = None,
        title: str | None = None,
        x_title: str | None = None,
        y_title: str | None = None,
        color_title: str | None = None,
        x_bin: str | float | None = None,
        y_aggregate: Aggregate | None = None,
        color_map: dict[str, str] | None = None,
        x_lim: Sequence[float | None] | None = None,
        y_lim: Sequence[float | None] | None = None,
        x_label_angle: float = 0,
        y_label_angle: float = 0,
        caption: str | None = None,
        sort: Literal["x", "y", "-x", "-y"] | list[str] | None = None,
        tooltip: Literal["axis", "none", "all"] | list[str] = "axis",
        height: int | None = None,
        colors_in_legend: list[str] | None = None,
        x_axis_format: str | None = None,
        y_axis_format: str | None = None,
        x_axis_labels_visible: bool = True,
        **options: Unpack[ComponentOptions],
    ) -> None:
        self.x, self.y, self.color = x, y, color
        # Accepted and sent as Gradio does; the page draws every colour in the legend and
        # formats axis labels its own way.
        self.colors_in_legend, self.x_axis_format = colors_in_legend, x_axis_format
        self.y_axis_format = y_axis_format
        self.x_axis_labels_visible = x_axis_labels_visible
        self.title, self.x_title, self.y_title = title, x_title, y_title
        self.color_title, self.color_map = color_title, color_map
        self.x_bin = _checked_bin(x_bin)
        self.y_aggregate = _checked_aggregate(y_aggregate)
        self.x_lim = list(x_lim) if x_lim is not None else None
        self.y_lim = list(y_lim) if y_lim is not None else None
        self.x_label_angle, self.y_label_angle = x_label_angle, y_label_angle
        self.caption, self.sort, self.tooltip, self.height = caption, sort, tooltip, height
        super().__init__(value, **options)

    def postprocess(self, value: Any) -> dict[str, Any] | None:
        """``{"columns", "data", "datatypes", "mark"}`` from a DataFrame (dates as epoch ms)."""
        if value is None:
            return None
        if isinstance(value, dict):
            return {**_payload(value), "mark": value.get("mark") or self.MARK}
        if not (type(value).__module__.startswith("pandas") and hasattr(value, "to_json")):
            raise PayloadError(f"{type(self).__name__} expects a pandas DataFrame")
        datatypes = {str(c): _kind(value[c]) for c in value.columns}
        frame = value.copy(deep=False)
        for column in value.columns:
            if datatypes[str(column)] == "temporal":
                frame[column] = _epoch_ms(value[column])
        split = json.loads(frame.to_json(orient="split", index=False))
        columns = [str(c) for c in split["columns"]]
        return {
            "columns": columns,
            "data": split["data"],
            "datatypes": datatypes,
            "mark": self.MARK,
        }

    def preprocess(self, payload: Any) -> Any:
        """A pandas ``DataFrame`` (temporal columns as datetimes); bad shapes are refused."""
        if payload is None:
            return None
        checked = _payload(payload)
        try:
            # lazy: pandas is optional; only plots used as inputs reach here
            import pandas  # type: ignore[import-untyped,import-not-found,unused-ignore]
        except ImportError as error:
            raise PayloadError(
                f"{type(self).__name__} as an input needs pandas: pip install 'limelight[plots]'"
            ) from error

        frame = pandas.DataFrame(checked["data"], columns=checked["columns"])
        for column, kind in checked["datatypes"].items():
            if kind == "temporal" and column in frame.columns:
                frame[column] = pandas.to_datetime(frame[column], unit="ms")
        return frame

    def check_payload(self, payload: Any) -> None:
        if payload is not None:
            _payload(payload)

    def api_info(self) -> dict[str, Any]:
        """Any JSON, as Gradio describes plots to API clients; the payload itself is
        ``{"columns", "data", "datatypes", "mark"}`` (see ``example_payload``)."""
        return {"type": {}, "description": "any valid json"}

    def example_payload(self) -> dict[str, Any]:
        x, y = self.x or "x", self.y or "y"
        return {
            "columns": [x, y],
            "data": [[1, 4], [2, 5], [3, 6]],
            "datatypes": {x: "quantitative", y: "quantitative"},
            "mark": self.MARK,
        }

    def component_props(self) -> dict[str, Any]:
        return {
            "x": self.x,
            "y": self.y,
            "color": self.color,
            "title": self.title,
            "x_title": self.x_title,
            "y_title": self.y_title,
            "color_title": self.color_title,
            "x_bin": self.x_bin,
            "y_aggregate": self.y_aggregate,
            "color_map": self.color_map,
            "x_lim": self.x_lim,
            "y_lim": self.y_lim,
            "x_label_angle": self.x_label_angle,
            "y_label_angle": self.y_label_angle,
            "caption": self.caption,
            "sort": self.sort,
            "tooltip": self.tooltip,
            "height": self.height,
            "colors_in_legend": self.colors_in_legend,
            "x_axis_format": self.x_axis_format,
            "y_axis_format": self.y_axis_format,
            "x_axis_labels_visible": self.x_axis_labels_visible,
        }
