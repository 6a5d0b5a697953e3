"""LinePlot: a line chart of a pandas DataFrame."""

from __future__ import annotations

from limelight.components.native_plot import NativePlot

__all__ = ["LinePlot"]


class LinePlot(NativePlot):
    """A line chart of a DataFrame: one line per ``color`` value."""

    TYPE = "lineplot"
    NOT_TAKEN = frozenset({"info", "interactive"})
    MARK = "line"
