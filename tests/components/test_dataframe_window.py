"""Big Dataframes as windows (docs/protocol.md §8.6): the first window, resolving a window
the page sends back, and the rows the server sorts, searches and filters for the page."""

from __future__ import annotations

from typing import Any

import pytest

from limelight.components.base import PayloadError
from limelight.components.dataframe_window import (
    FIRST_ROWS,
    WINDOW_ROWS,
    first_window,
    read_rows,
    resolve,
)


def table(n: int, *, metadata: bool = False) -> dict[str, Any]:
    data = [[i, f"r{i}"] for i in range(n)]
    meta = {"display_value": [[f"#{i}", ""] for i in range(n)], "styling": None}
    return {"headers": ["n", "s"], "data": data, "metadata": meta if metadata else None}


def view(**changes: Any) -> dict[str, Any]:
    return {"start": 0, "count": 10, "sort": None, "query": "", "filters": [], **changes}


def test_small_tables_stay_whole_and_big_ones_start_with_a_window() -> None:
    small = table(WINDOW_ROWS)
    assert first_window(small) is small
    big = first_window(table(WINDOW_ROWS + 1, metadata=True))
    assert big["window"] == {"rows": WINDOW_ROWS + 1}
    assert len(big["data"]) == FIRST_ROWS == len(big["metadata"]["display_value"])
    assert big["metadata"]["styling"] is None


def test_resolving_applies_changed_and_added_rows_and_added_columns() -> None:
    held = table(3)
    window = {"rows": 4, "changed": {"1": [10, "x"], "3": [3, "new"]}}
    whole = resolve({"headers": ["n", "s", "t"], "window": window}, held)
    assert whole["data"] == [[0, "r0", ""], [10, "x", ""], [2, "r2", ""], [3, "new", ""]]
    assert whole["headers"] == ["n", "s", "t"]
    assert held["data"][1] == [1, "r1"]
    again = resolve({"headers": ["n", "s", "t"], "window": window}, {**held, **whole})
    assert again["data"] == whole["data"]


@pytest.mark.parametrize(
    "window",
    [
        {"rows": 2},
        {"rows": 5, "changed": {"3": [3, "a"]}},
        {"rows": 3, "changed": {"7": [1, "a"]}},
        {"rows": 3, "changed": {"x": [1, "a"]}},
        {"rows": 3, "changed": {"1": "not a row"}},
    ],
)
def test_windows_that_do_not_fit_the_held_table_are_refused(window: dict[str, Any]) -> None:
    with pytest.raises(PayloadError):
        resolve({"headers": ["n", "s"], "window": window}, table(3))


def test_the_server_sorts_numbers_by_value_text_naturally_and_empty_cells_last() -> None:
    held = {"headers": ["v"], "data": [["a10"], [None], ["a2"], [3], ["B1"], [1.5]]}
    up = read_rows(held, view(sort=[0, 1], window={"rows": 6}))
    down = read_rows(held, view(sort=[0, -1], window={"rows": 6}))
    assert [r[0] for r in up["data"]] == [1.5, 3, "a2", "a10", "B1", None]
    assert up["index"] == [5, 3, 2, 0, 4, 1]
    assert [r[0] for r in down["data"]] == [None, "B1", "a10", "a2", 3, 1.5]


def test_search_ignores_case_and_matches_cells_as_the_page_shows_them() -> None:
    held = {"headers": ["v", "w"], "data": [[1.0, True], ["One", None], [2, "x"]]}
    assert read_rows(held, view(query=" one", window={"rows": 3}))["index"] == [1]
    assert read_rows(held, view(query="true", window={"rows": 3}))["index"] == [0]
    assert read_rows(held, view(query="1", window={"rows": 3}))["index"] == [0]


@pytest.mark.parametrize(
    ("op", "value", "kept"),
    [
        (">", "1", [2, 3]),
        ("≤", "1", [0, 1]),
        ("≠", "2", [0, 1, 3, 4]),
        ("=", "", []),
        ("empty", "", [4]),
        ("not_empty", "", [0, 1, 2, 3]),
    ],
)
def test_number_filters_as_in_the_page(op: str, value: str, kept: list[int]) -> None:
    held = {"headers": ["v"], "data": [[0], [1], ["2"], [3.5], [None]]}
    found = read_rows(held, view(filters=[{"col": 0, "op": op, "value": value}], window={}))
    assert found["index"] == kept


@pytest.mark.parametrize(
    ("op", "value", "kept"),
    [
        ("contains", "ap", [0]),
        ("not_contains", "an", [0, 1, 3]),
        ("starts_with", "A", [1]),
        ("ends_with", "na", [2]),
        ("is", "banana", [2]),
        ("is_not", "banana", [0, 1, 3]),
    ],
)
def test_text_filters_are_case_sensitive_as_in_the_page(
    op: str, value: str, kept: list[int]
) -> None:
    held = {"headers": ["v"], "data": [["apple"], ["Apricot"], ["banana"], [None]]}
    found = read_rows(held, view(filters=[{"col": 0, "op": op, "value": value}], window={}))
    assert found["index"] == kept


def test_an_unknown_filter_is_refused() -> None:
    with pytest.raises(PayloadError):
        read_rows(table(3), view(filters=[{"col": 0, "op": "eval", "value": "1"}], window={}))


def test_pages_carry_their_rows_metadata_and_numbers_in_the_whole_table() -> None:
    held = table(50, metadata=True)
    page = read_rows(held, view(start=48, count=10, window={"rows": 50}))
    assert page["total"] == 50 and page["index"] == [48, 49]
    assert page["metadata"]["display_value"] == [["#48", ""], ["#49", ""]]
