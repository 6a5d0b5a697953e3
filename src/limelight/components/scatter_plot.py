"""ScatterPlot: a scatter chart of a pandas DataFrame."""

from __future__ import annotations

from limelight.components.native_plot import NativePlot

__all__ = ["ScatterPlot"]


class ScatterPlot(NativePlot):
    """A scatter chart of a DataFrame: one point per row, coloured by ``color``."""

    TYPE = "scatterplot"
    NOT_TAKEN = frozenset({"info", "interactive"})
    MARK = "point"
