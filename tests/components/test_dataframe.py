"""Dataframe: tables in and out, without needing pandas or numpy."""

from __future__ import annotations

import pytest

import limelight as gr
from limelight.components import PayloadError


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


def test_column_count_is_the_gradio_6_spelling_of_col_count() -> None:
    assert gr.Dataframe(column_count=(3, "fixed")).col_count == (3, "fixed")
    assert gr.Dataframe(col_count=2).col_count == 2
