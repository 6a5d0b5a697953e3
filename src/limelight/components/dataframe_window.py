"""Big Dataframes in the browser: a window of rows, the rest fetched on scroll.

A table of more than ``WINDOW_ROWS`` rows reaches limelight's own page (its embedded config
and the outputs of its own queue joins, see ``docs/protocol.md`` §8.6) as its first rows and
a ``window`` entry saying how many there are; every other client gets the whole value. The
server keeps the whole table: the component's value, or the session's latest payload for it
(``SessionData.values``). The page asks for more rows, sorted, searched and filtered here,
with the Dataframe's ``rows`` server function, and sends the table back as an input as a
reference: the headers plus the rows the user changed or added (``window.changed``), which
``resolve`` applies to the held table. Replacing whole rows makes that idempotent: resolving
the same edits twice over gives the same table.
"""

from __future__ import annotations

import math
import re
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from limelight.components.base import PayloadError

__all__ = [
    "FIRST_ROWS",
    "WINDOW_ROWS",
    "first_window",
    "is_window",
    "read_rows",
    "resolve",
]

WINDOW_ROWS = 1000
"""Tables with more rows than this reach the page as windows."""
FIRST_ROWS = 100
"""The rows a window starts with: a screenful and more, so the first scroll needs no fetch."""
MAX_FETCH = 2000
"""The most rows one ``rows`` call answers."""
MAX_ADDED = 10_000
"""The most rows the page may add to a held table."""
ORDERS_KEPT = 4
"""Row orders (sorted, searched, filtered) kept per process, for the next page of a scroll."""

_orders: OrderedDict[tuple[Any, ...], tuple[Any, list[int]]] = OrderedDict()
_orders_lock = threading.Lock()
"""``rows`` calls run in worker threads."""


def is_window(payload: Any) -> bool:
    """Whether ``payload`` is a window the page sent back instead of the whole table."""
    return type(payload) is dict and isinstance(payload.get("window"), dict)


def first_window(payload: Any) -> Any:
    """``payload`` as the page gets it: unchanged when small, else its first rows and
    ``window: {"rows": total}``."""
    if type(payload) is not dict:
        return payload
    data = payload.get("data")
    if not isinstance(data, list) or len(data) <= WINDOW_ROWS:
        return payload
    return {
        "headers": payload.get("headers"),
        "data": data[:FIRST_ROWS],
        "metadata": _rows_of_metadata(payload.get("metadata"), list(range(FIRST_ROWS))),
        "window": {"rows": len(data)},
    }


def _rows_of_metadata(metadata: Any, rows: list[int]) -> Any:
    if not isinstance(metadata, dict):
        return None
    return {
        key: [part[i] for i in rows] if isinstance(part, list) else part
        for key, part in metadata.items()
    }


def _changed(window: dict[str, Any]) -> dict[int, list[Any]]:
    changed = window.get("changed") or {}
    if not isinstance(changed, dict):
        raise PayloadError("Dataframe 'window.changed' must map row numbers to rows")
    try:
        rows = {int(index): row for index, row in changed.items()}
    except ValueError:
        raise PayloadError("Dataframe 'window.changed' must map row numbers to rows") from None
    if any(not isinstance(row, list) for row in rows.values()):
        raise PayloadError("Dataframe 'window.changed' must map row numbers to rows")
    return rows


def resolve(payload: dict[str, Any], held: Any) -> dict[str, Any]:
    """The whole table a window stands for: ``held`` (the server's table) with the page's
    headers, its changed rows, its added rows up to ``window.rows`` and added columns.

    Raises ``PayloadError`` when the window does not fit the held table.
    """
    window = payload["window"]
    base = held.get("data") if isinstance(held, dict) else None
    if not isinstance(base, list):
        raise PayloadError("This Dataframe holds no table to resolve the page's window against")
    total = window.get("rows", len(base))
    if not isinstance(total, int) or not len(base) <= total <= len(base) + MAX_ADDED:
        raise PayloadError("Dataframe 'window.rows' does not fit the table")
    changed = _changed(window)
    if any(not 0 <= index < total for index in changed):
        raise PayloadError("Dataframe 'window.changed' names a row outside the table")
    if len(base) + len(changed) < total:
        raise PayloadError("Dataframe rows added in the page must all be sent")
    headers = payload.get("headers") or held.get("headers") or []
    data = base if not changed else list(base)
    for index, row in sorted(changed.items()):
        if index < len(base):
            data[index] = row
        else:
            data.append(row)
    width = len(headers)
    # Columns the page added are blank in the rows it did not change (or changed before).
    if any(len(row) < width for row in changed.values()) or (data and len(data[0]) < width):
        data = [row + [""] * (width - len(row)) if len(row) < width else row for row in data]
    metadata = held.get("metadata") if not changed and width == _width(held) else None
    return {"headers": headers, "data": data, "metadata": metadata}


def _width(table: dict[str, Any]) -> int:
    return len(table.get("headers") or [])


def _text(cell: Any) -> str:
    """A cell as the page shows it (as JavaScript's ``String``): ``true``, ``3`` for 3.0."""
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return "true" if cell else "false"
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell)


def _number(cell: Any) -> float:
    if isinstance(cell, (int, float)) and not isinstance(cell, bool):
        return float(cell)
    if isinstance(cell, str) and cell.strip():
        try:
            return float(cell)
        except ValueError:
            return math.nan
    return math.nan


def _empty(cell: Any) -> bool:
    return cell is None or cell == "" or (isinstance(cell, float) and math.isnan(cell))


CellTest = Callable[[Any], bool]
NUMBER_TESTS: dict[str, Callable[[float, float], bool]] = {
    "=": lambda a, b: a == b,
    "≠": lambda a, b: a != b,
    ">": lambda a, b: a > b,
    "<": lambda a, b: a < b,
    "≥": lambda a, b: a >= b,
    "≤": lambda a, b: a <= b,
}
TEXT_TESTS: dict[str, Callable[[str, str], bool]] = {
    "contains": lambda a, b: b in a,
    "not_contains": lambda a, b: b not in a,
    "starts_with": lambda a, b: a.startswith(b),
    "ends_with": lambda a, b: a.endswith(b),
    "is": lambda a, b: a == b,
    "is_not": lambda a, b: a != b,
}


def _filter_test(spec: Any) -> tuple[int, CellTest]:
    """One column filter (``{"col", "op", "value"}``, as the page's filter form makes it)
    as ``(column, test of a cell)``, with the page's own semantics."""
    if not isinstance(spec, dict) or not isinstance(spec.get("col"), int):
        raise PayloadError("A Dataframe filter is {'col': int, 'op': str, 'value': str}")
    col, op, wanted = spec["col"], spec.get("op"), str(spec.get("value") or "")
    if op == "empty":
        return col, _empty
    if op == "not_empty":
        return col, lambda c: not _empty(c)
    if op in NUMBER_TESTS:
        number = _number(wanted) if wanted.strip() else math.nan
        compare = NUMBER_TESTS[op]
        return col, lambda c: not math.isnan(number) and compare(_number(c), number)
    if op in TEXT_TESTS:
        check = TEXT_TESTS[op]
        return col, lambda c: check(_text(c), wanted)
    raise PayloadError(f"Unknown Dataframe filter {op!r}")


_DIGITS = re.compile(r"(\d+)")


def _sort_key(cell: Any) -> tuple[int, float, tuple[Any, ...]]:
    """Numbers by value, then text in natural order (``a2`` before ``a10``), empty last."""
    if cell is None:
        return (2, 0.0, ())
    if isinstance(cell, (int, float)) and not isinstance(cell, bool):
        return (0, float(cell), ())
    parts = _DIGITS.split(_text(cell).casefold())
    return (1, 0.0, tuple(int(p) if p.isdigit() else p for p in parts))


def _order(data: list[list[Any]], view: dict[str, Any]) -> list[int] | None:
    """The row numbers the page shows, in order, or None for all of them as they are."""
    needle = str(view.get("query") or "").strip().lower()
    tests = [_filter_test(spec) for spec in view.get("filters") or []]
    sort = view.get("sort")
    if not needle and not tests and not sort:
        return None
    rows: list[int] | range = range(len(data))
    if needle:
        # One string per row (cells apart by a character no query holds): one test per row.
        rows = [i for i in rows if needle in "\x00".join(map(_text, data[i])).lower()]
    if tests:
        rows = [i for i in rows if all(test(_cell(data[i], col)) for col, test in tests)]
    order = list(rows)
    if sort:
        col, direction = int(sort[0]), int(sort[1])
        present = [i for i in order if _cell(data[i], col) is not None]
        missing = [i for i in order if _cell(data[i], col) is None]
        present.sort(key=lambda i: _sort_key(data[i][col]), reverse=direction < 0)
        # As in the page: empty cells come last ascending and first descending.
        order = present + missing if direction >= 0 else missing + present
    return order


def _cell(row: list[Any], col: int) -> Any:
    return row[col] if 0 <= col < len(row) else None


def _cached_order(table: dict[str, Any], held: Any, view: dict[str, Any]) -> list[int] | None:
    key = (
        id(held),
        repr(view.get("window")),
        repr(view.get("sort")),
        str(view.get("query") or ""),
        repr(view.get("filters")),
    )
    with _orders_lock:
        found = _orders.get(key)
        if found is not None and found[0] is held:
            _orders.move_to_end(key)
            return found[1]
    order = _order(table["data"], view)
    if order is None:
        return None
    with _orders_lock:
        # The held table is kept with its order, so that its id cannot name another table.
        _orders[key] = (held, order)
        while len(_orders) > ORDERS_KEPT:
            _orders.popitem(last=False)
    return order


def read_rows(held: Any, view: Any) -> dict[str, Any]:
    """The ``rows`` server function: ``view`` is ``{"start", "count", "sort": [col, 1|-1]
    | null, "query", "filters", "window"}`` (``window`` as the page's value holds it, with
    its edits); the answer is ``{"total", "start", "index", "data", "metadata"}``, where
    ``index`` gives each row's number in the whole table (for select and edit events)."""
    if not isinstance(view, dict):
        raise PayloadError("Dataframe rows: expected an object")
    window = view.get("window") if isinstance(view.get("window"), dict) else {}
    table = resolve({"headers": view.get("headers"), "window": window}, held)
    start = max(0, int(view.get("start") or 0))
    count = max(0, min(MAX_FETCH, int(view.get("count") or FIRST_ROWS)))
    order = _cached_order(table, held, view)
    total = len(table["data"]) if order is None else len(order)
    index = (
        list(range(start, min(total, start + count)))
        if order is None
        else order[start : start + count]
    )
    return {
        "total": total,
        "start": start,
        "index": index,
        "data": [table["data"][i] for i in index],
        "metadata": _rows_of_metadata(table.get("metadata"), index),
    }
