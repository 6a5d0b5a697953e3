"""Dataframe: a table of values from pandas, numpy, a list of rows or a dict of columns."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

from typing_extensions import Unpack

from limelight.components.base import ComponentOptions, FormComponent, PayloadError
from limelight.components.dataframe_values import json_row, read_table
from limelight.components.dataframe_window import read_rows
from limelight.core.events import EventListener

__all__ = ["Dataframe", "List", "Matrix", "Numpy"]

DataType = Literal["str", "number", "bool", "date", "markdown", "html"]
Count = int | tuple[int, str] | None
TableType = Literal["pandas", "numpy", "array"]
Limits = tuple[int | None, int | None] | None


DEFAULT_COLUMNS = 3


def _count(count: Count, limits: Limits, default: int) -> tuple[list[Any], Limits]:
    """Gradio's ``[n, "fixed"|"dynamic"]`` from an int or the older ``(n, kind)`` tuple;
    a fixed count also pins the limits, so the browser offers no add button."""
    if isinstance(count, (tuple, list)):
        n, kind = int(count[0]), str(count[1])
        if kind == "fixed":
            return [n, "fixed"], (n, n)
        return [n, "dynamic"], limits
    return [default if count is None else int(count), "dynamic"], limits


class Dataframe(FormComponent):
    """A table. As an output it takes a pandas ``DataFrame``, a numpy array, a list of rows
    or a dict of columns; as an input it passes what ``type`` says (``"pandas"``,
    ``"numpy"`` or ``"array"``, a list of rows). pandas and numpy are imported only when
    used; without pandas installed, ``type="pandas"`` passes ``{"headers", "data"}``.
    ``show_search="search"`` shows a box that filters rows by any cell; ``"filter"`` adds a
    condition per column (contains, starts with, is, ``>``, ``≤``, is empty, ...), which
    never change the value. A table of more than 1,000 rows reaches the page a window at a
    time and is sorted, searched and filtered on the server (``dataframe_window.py``); API
    clients always get the whole table.
    """

    TYPE = "dataframe"
    NOT_TAKEN = frozenset({"info"})
    select = EventListener("select", "The user clicked a cell.")
    edit = EventListener("edit", "The user edited a cell (``gr.EditData``: index, value).")

    def __init__(
        self,
        value: Any = None,
        *,
        headers: list[str] | None = None,
        row_count: Count = None,
        row_limits: Limits = None,
        col_count: Count = None,
        column_count: Count = None,
        column_limits: Limits = None,
        datatype: DataType | list[DataType] = "str",
        type: TableType = "pandas",
        max_height: int | str = 500,
        column_widths: list[str | int] | None = None,
        wrap: bool = False,
        show_row_numbers: bool = False,
        show_search: Literal["none", "search", "filter"] | bool = "none",
        static_columns: list[int] | None = None,
        max_chars: int | None = None,
        pinned_columns: int | None = None,
        line_breaks: bool = True,
        latex_delimiters: list[dict[str, str | bool]] | None = None,
        **options: Unpack[ComponentOptions],
    ) -> None:
        self.headers = headers
        self.row_count = row_count
        self.row_limits = row_limits
        # Gradio 6 spells it ``column_count``; the older ``col_count`` still works.
        self.column_count = column_count if column_count is not None else col_count
        self.col_count = self.column_count
        self.column_limits = column_limits
        self.static_columns = list(static_columns or [])
        self.datatype = datatype
        self.type = type
        self.max_height = max_height
        self.column_widths = column_widths
        self.wrap = wrap
        self.show_row_numbers = show_row_numbers
        if isinstance(show_search, bool):
            show_search = "search" if show_search else "none"
        self.show_search = show_search
        self.max_chars = max_chars
        # Accepted as in Gradio; the page scrolls all columns together and renders markdown
        # cells with its default line breaks and math delimiters.
        self.pinned_columns = pinned_columns
        self.line_breaks = line_breaks
        self.latex_delimiters = latex_delimiters
        super().__init__(value, **options)

    def postprocess(self, value: Any) -> dict[str, Any]:
        """``{"headers": [...], "data": [[...], ...], "metadata": ...}`` from any supported
        table, as Gradio builds it: headers as the value names them (else the component's),
        cut or numbered ("4", "5", ...) to the row width; ``metadata`` carries a pandas
        ``Styler``'s shown text and CSS. An empty table keeps the headers (or numbers
        ``column_count`` columns).
        """
        table = read_table(value)
        headers = table.headers or self._default_headers()
        if not any(table.rows):
            return {"headers": headers, "data": [], "metadata": None}
        data = [json_row(row) for row in table.rows]
        width = len(data[0])
        headers = headers[:width] + [str(i + 1) for i in range(len(headers), width)]
        return {"headers": headers, "data": data, "metadata": table.metadata}

    @property
    def server_fns(self) -> dict[str, Callable[..., Any]]:
        """What the page may call: ``rows``, a window of this session's table, sorted,
        searched and filtered (see ``dataframe_window.read_rows``)."""
        return {"rows": self.rows}

    def rows(self, view: Any) -> dict[str, Any]:
        """The rows the page asks for of the table this (session's view of the) component
        holds; ``view`` says which and in what order (``dataframe_window.read_rows``)."""
        return read_rows(self.value, view)

    def _default_headers(self) -> list[Any]:
        count = self.column_count
        width = int(count[0] if isinstance(count, (tuple, list)) else count or DEFAULT_COLUMNS)
        return list(self.headers) if self.headers else [str(i + 1) for i in range(width)]

    def _rows(self, payload: Any) -> tuple[list[Any], list[list[Any]]]:
        if not isinstance(payload, dict) or not isinstance(payload.get("data"), list):
            raise PayloadError("Dataframe expects {'headers': [...], 'data': [[...], ...]}")
        headers = payload.get("headers") or []
        if not isinstance(headers, list):
            raise PayloadError("Dataframe 'headers' must be a list")
        data = payload["data"]
        width = len(headers) if headers else (len(data[0]) if data else 0)
        # [[]] is how the browser sends an empty table.
        for i, row in enumerate([] if data == [[]] else data):
            if not isinstance(row, list) or len(row) != width:
                raise PayloadError(f"Row {i} has the wrong number of cells (expected {width})")
        return headers, data

    def preprocess(self, payload: Any) -> Any:
        """The table as ``type`` asks; ragged rows are refused."""
        if payload is None:
            return None
        headers, data = self._rows(payload)
        if self.type == "numpy":
            # lazy: numpy is optional; only tables passed as arrays need it
            import numpy  # type: ignore[import-not-found,unused-ignore]

            # As in Gradio: numpy picks the dtype (a table mixing text and numbers is text).
            return numpy.array(data)
        if self.type == "pandas":
            try:
                # lazy: pandas is optional; only tables passed as frames need it
                import pandas  # type: ignore[import-untyped,import-not-found,unused-ignore]
            except ImportError:
                return {"headers": headers, "data": data}
            return pandas.DataFrame([] if data == [[]] else data, columns=headers or None)
        return data

    def check_payload(self, payload: Any) -> None:
        if payload is not None:
            self._rows(payload)

    def api_info(self) -> dict[str, Any]:
        return {
            "type": "object",
            "title": "DataframeData",
            "properties": {
                "headers": {"type": "array", "items": {}},
                "data": {"type": "array", "items": {"type": "array", "items": {}}},
                "metadata": {
                    "anyOf": [
                        {
                            "type": "object",
                            "additionalProperties": {
                                "anyOf": [{"type": "array", "items": {}}, {"type": "null"}]
                            },
                        },
                        {"type": "null"},
                    ],
                    "default": None,
                },
            },
            "required": ["headers", "data"],
        }

    def example_payload(self) -> dict[str, Any]:
        return {"headers": ["a", "b"], "data": [["foo", "bar"]], "metadata": None}

    def component_props(self) -> dict[str, Any]:
        value = self.value or {}
        rows, row_limits = _count(self.row_count, self.row_limits, len(value.get("data") or []))
        width = len(value.get("headers") or self.headers or [])
        columns, column_limits = _count(self.column_count, self.column_limits, width)
        if self.static_columns:
            column_limits = (columns[0], columns[0])
        return {
            "headers": self.headers,
            "row_count": rows,
            "row_limits": row_limits,
            "col_count": columns,
            "column_count": columns,
            "column_limits": column_limits,
            "static_columns": self.static_columns,
            "datatype": self.datatype,
            "type": self.type,
            "max_height": self.max_height,
            "column_widths": self.column_widths,
            "wrap": self.wrap,
            "show_row_numbers": self.show_row_numbers,
            "show_search": self.show_search,
            "max_chars": self.max_chars,
            "pinned_columns": self.pinned_columns,
            "line_breaks": self.line_breaks,
            "latex_delimiters": self.latex_delimiters,
        }


class Numpy(Dataframe):
    """Gradio's ``Dataframe`` that gives and takes a numpy array; rows can be added."""

    def __init__(
        self,
        value: Any = None,
        *,
        type: TableType = "numpy",
        row_count: Count = (1, "dynamic"),
        **kwargs: Any,
    ) -> None:
        super().__init__(value, type=type, row_count=row_count, **kwargs)


class Matrix(Dataframe):
    """Gradio's ``Dataframe`` that gives and takes a list of rows; rows can be added."""

    def __init__(
        self,
        value: Any = None,
        *,
        type: TableType = "array",
        row_count: Count = (1, "dynamic"),
        **kwargs: Any,
    ) -> None:
        super().__init__(value, type=type, row_count=row_count, **kwargs)


class List(Dataframe):
    """Gradio's one-column ``Dataframe``: a list of rows of one value each."""

    def __init__(
        self,
        value: Any = None,
        *,
        type: TableType = "array",
        row_count: Count = (1, "dynamic"),
        col_count: Count = 1,
        **kwargs: Any,
    ) -> None:
        super().__init__(value, type=type, row_count=row_count, col_count=col_count, **kwargs)
