"""BarPlot: a bar chart of a pandas DataFrame."""

from __future__ import annotations

from limelight.components.native_plot import NativePlot

__all__ = ["BarPlot"]


class BarPlot(NativePlot):
    """A bar chart of a DataFrame; ``x`` may be a category, a number or a date."""

    TYPE = "barplot"
    NOT_TAKEN = frozenset({"info", "interactive"})
    MARK = "bar"
