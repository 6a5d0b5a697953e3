"""Dataframe: tables in and out, without needing pandas or numpy."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest

import limelight as gr
from limelight.components import PayloadError
from limelight.components.dataframe_values import json_row


def test_list_of_rows_with_headers() -> None:
    df = gr.Dataframe(headers=["a", "b"], type="array")
    assert df.postprocess([[1, 2], [3, 4]]) == {
        "headers": ["a", "b"],
        "data": [[1, 2], [3, 4]],
        "metadata": None,
    }


def test_dict_of_columns() -> None:
    payload = gr.Dataframe().postprocess({"x": [1, 2], "y": ["a", "b"]})
    assert payload["headers"] == ["x", "y"]
    assert payload["data"] == [[1, "a"], [2, "b"]]


def test_missing_headers_are_numbered_and_nan_is_null() -> None:
    payload = gr.Dataframe().postprocess([[1.0, float("nan")]])
    assert payload["headers"] == ["1", "2"]
    assert payload["data"] == [[1.0, None]]


def test_array_type_passes_rows() -> None:
    df = gr.Dataframe(type="array")
    assert df.preprocess({"headers": ["a"], "data": [[1], [2]]}) == [[1], [2]]


@pytest.mark.parametrize(
    "bad",
    [
        {"headers": ["a", "b"], "data": [[1, 2], [3]]},
        {"headers": ["a"], "data": "nope"},
        [[1, 2]],
        {"headers": "a", "data": []},
    ],
)
def test_ragged_or_malformed_tables_are_refused(bad: object) -> None:
    with pytest.raises(PayloadError):
        gr.Dataframe(type="array").check_payload(bad)


def test_props() -> None:
    props = gr.Dataframe(
        headers=["a"], datatype=["number"], column_widths=["120px"], wrap=True, max_height=300
    ).config()["props"]
    assert props["datatype"] == ["number"]
    assert props["column_widths"] == ["120px"]
    assert props["wrap"] is True
    assert props["max_height"] == 300


def test_pandas_and_numpy_when_installed() -> None:
    pandas = pytest.importorskip("pandas")
    frame = pandas.DataFrame({"a": [1, 2], "b": [0.5, None]})
    payload = gr.Dataframe().postprocess(frame)
    assert payload["headers"] == ["a", "b"]
    assert payload["data"] == [[1, 0.5], [2, None]]
    back = gr.Dataframe(type="pandas").preprocess(payload)
    assert list(back.columns) == ["a", "b"]


def test_counts_and_limits_reach_the_config_as_gradio_6_sends_them() -> None:
    props = gr.Dataframe([[1, 2]], headers=["a", "b"]).config()["props"]
    assert props["row_count"] == [1, "dynamic"]
    assert props["column_count"] == props["col_count"] == [2, "dynamic"]
    assert props["row_limits"] is None and props["column_limits"] is None
    assert props["show_search"] == "none"
    assert props["static_columns"] == []


def test_fixed_counts_pin_the_limits_and_show_search_accepts_a_bool() -> None:
    props = gr.Dataframe(row_count=(3, "fixed"), col_count=(2, "fixed"), show_search=True).config()[
        "props"
    ]
    assert props["row_count"] == [3, "fixed"]
    assert list(props["row_limits"]) == [3, 3]
    assert list(props["column_limits"]) == [2, 2]
    assert props["show_search"] == "search"


def test_show_search_filter_reaches_the_config() -> None:
    assert gr.Dataframe(show_search="filter").config()["props"]["show_search"] == "filter"


def test_static_columns_fix_the_column_count() -> None:
    props = gr.Dataframe([[1, 2]], headers=["a", "b"], static_columns=[0]).config()["props"]
    assert props["static_columns"] == [0]
    assert list(props["column_limits"]) == [2, 2]


def test_column_count_is_the_gradio_6_spelling_of_col_count() -> None:
    assert gr.Dataframe(column_count=(3, "fixed")).col_count == (3, "fixed")
    assert gr.Dataframe(col_count=2).col_count == 2


def test_gradio_6_buttons_argument_is_accepted_and_sent() -> None:
    table = gr.Dataframe(type="numpy", column_count=3, buttons=["fullscreen"])
    assert table.props()["buttons"] == ["fullscreen"]
    assert gr.Dataframe().props()["buttons"] is None


def test_api_info_spells_the_table_as_gradio_does() -> None:
    from limelight.app.api_info import python_type

    assert python_type(gr.Dataframe().api_info()) == (
        "dict(headers: list[Any], data: list[list[Any]], "
        "metadata: dict(str, list[Any] | None) | None)"
    )


@pytest.mark.parametrize("empty", [None, [], [[]], {"headers": [], "data": []}])
def test_an_empty_table_numbers_its_columns_or_keeps_the_headers(empty: object) -> None:
    assert gr.Dataframe().postprocess(empty)["headers"] == ["1", "2", "3"]
    assert gr.Dataframe(column_count=(2, "fixed")).postprocess(empty)["headers"] == ["1", "2"]
    named = gr.Dataframe(headers=["a", "b"]).postprocess(empty)
    assert (named["headers"], named["data"]) == (["a", "b"], [])
    assert gr.Dataframe(column_count=4).value["headers"] == ["1", "2", "3", "4"]


def test_empty_arrays_and_frames_when_installed() -> None:
    numpy = pytest.importorskip("numpy")
    pandas = pytest.importorskip("pandas")
    table = gr.Dataframe(type="numpy", column_count=3)
    assert table.postprocess(numpy.zeros((3, 0)))["headers"] == ["1", "2", "3"]
    assert table.postprocess(pandas.DataFrame())["data"] == []
    columns_only = table.postprocess(pandas.DataFrame(columns=["x", "y"]))
    assert (columns_only["headers"], columns_only["data"]) == (["x", "y"], [])


def test_numpy_type_keeps_numbers_numeric() -> None:
    pytest.importorskip("numpy")
    table = gr.Dataframe(type="numpy")
    assert table.preprocess({"headers": [], "data": [[1, 2], [3, 4]]}).T.tolist() == [
        [1, 3],
        [2, 4],
    ]
    assert table.preprocess({"headers": [], "data": [[1, 2]]}).dtype.kind == "i"
    # As in Gradio, numpy decides: a table mixing numbers and text is text.
    assert table.preprocess({"headers": [], "data": [[1.5, "a"]]}).tolist() == [["1.5", "a"]]
    assert table.preprocess({"headers": [], "data": []}).size == 0


def test_headers_keep_their_type_as_in_gradio() -> None:
    pandas = pytest.importorskip("pandas")
    table = gr.Dataframe()
    frame = pandas.DataFrame(0, index=range(2), columns=range(3))
    assert table.postprocess(frame)["headers"] == [0, 1, 2]
    given = table.postprocess({"headers": [1, 2], "data": [[1, 2, 3]]})
    assert given["headers"] == [1, 2, "3"]
    assert list(table.preprocess({"headers": [0, 1], "data": [[5, 6]]}).columns) == [0, 1]


def test_extra_headers_are_cut_to_the_row_width() -> None:
    table = gr.Dataframe(headers=["a", "b", "c"])
    assert table.postprocess([[1, 2]])["headers"] == ["a", "b"]


def test_an_empty_table_from_the_browser_is_accepted() -> None:
    pytest.importorskip("pandas")
    frame = gr.Dataframe().preprocess({"headers": ["a", "b"], "data": [[]]})
    assert list(frame.columns) == ["a", "b"] and frame.empty


def test_a_csv_path_is_read_as_a_table(tmp_path: Path) -> None:
    pytest.importorskip("pandas")
    path = tmp_path / "t.csv"
    path.write_text("x,y\n1,a\n", encoding="utf-8")
    assert gr.Dataframe().postprocess(str(path)) == {
        "headers": ["x", "y"],
        "data": [[1, "a"]],
        "metadata": None,
    }


def test_a_styler_sends_shown_text_and_css_of_its_visible_columns() -> None:
    pandas = pytest.importorskip("pandas")
    pytest.importorskip("jinja2")
    frame = pandas.DataFrame({"a": [1.25, 2.5], "b": [3, 4], "c": ["x", "y"]})
    styler = frame.style.format({"a": "{:.1f}"}).hide(["b"], axis="columns")
    styler = styler.map(lambda v: "color: red" if v == "x" else "", subset=["c"])
    payload = gr.Dataframe().postprocess(styler)
    assert payload["headers"] == ["a", "c"]
    assert payload["data"] == [[1.25, "x"], [2.5, "y"]]
    assert payload["metadata"]["display_value"] == [["1.2", "x"], ["2.5", "y"]]
    assert payload["metadata"]["styling"] == [["", "color: red"], ["", ""]]


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        ([1, "a", None, True], [1, "a", None, True]),
        ([1.5, 2, False], [1.5, 2, False]),
        ([1.5, math.nan, math.inf], [1.5, None, None]),
        ([1e308, 1e308], [1e308, 1e308]),
        ([10**400, 0.5], [10**400, 0.5]),
        (["x", math.nan, Path("a")], ["x", None, "a"]),
    ],
)
def test_json_row_keeps_plain_rows_and_cleans_the_rest(row: list[Any], expected: list[Any]) -> None:
    assert json_row(row) == expected
