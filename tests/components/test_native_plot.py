"""LinePlot, ScatterPlot, BarPlot: DataFrames in and out in Gradio's PlotData shape."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

import limelight as gr
from limelight.app.api_info import python_type
from limelight.components import Component, PayloadError
from tests.support import asgi_client, completion, run_event, sse_messages

pd = pytest.importorskip("pandas")

PLOTS: list[tuple[Callable[..., Component], str]] = [
    (gr.LinePlot, "line"),
    (gr.ScatterPlot, "point"),
    (gr.BarPlot, "bar"),
]


def _frame() -> Any:
    return pd.DataFrame(
        {
            "x": [1, 2, 3],
            "y": [4.0, float("nan"), 6.5],
            "group": ["a", "b", "a"],
            "when": pd.to_datetime(["2024-01-01", "2024-01-02", "2024-01-03"]),
        }
    )


@pytest.mark.parametrize(("make", "mark"), PLOTS)
def test_dataframe_becomes_columns_rows_and_kinds(make: Callable[..., Any], mark: str) -> None:
    payload = make(x="x", y="y").postprocess(_frame())
    assert payload == {
        "columns": ["x", "y", "group", "when"],
        "data": [
            [1, 4.0, "a", 1704067200000],
            [2, None, "b", 1704153600000],
            [3, 6.5, "a", 1704240000000],
        ],
        "datatypes": {
            "x": "quantitative",
            "y": "quantitative",
            "group": "nominal",
            "when": "temporal",
        },
        "mark": mark,
    }


def test_missing_and_timezone_aware_dates() -> None:
    frame = pd.DataFrame(
        {"when": pd.to_datetime(["2024-01-01T01:00:00+01:00", None], utc=True), "y": [1, 2]}
    )
    payload = gr.LinePlot(x="when", y="y").postprocess(frame)
    assert payload is not None
    assert payload["data"] == [[1704067200000, 1], [None, 2]]
    assert payload["datatypes"]["when"] == "temporal"


def test_preprocess_gives_a_dataframe_with_dates_back() -> None:
    plot = gr.LinePlot(x="when", y="y")
    frame = plot.preprocess(plot.postprocess(_frame()))
    assert list(frame.columns) == ["x", "y", "group", "when"]
    assert frame["when"].iloc[1] == pd.Timestamp("2024-01-02")
    assert frame["x"].tolist() == [1, 2, 3]


def test_options_reach_the_config() -> None:
    props = gr.BarPlot(
        _frame(),
        x="group",
        y="y",
        color="group",
        title="T",
        x_title="X",
        y_title="Y",
        tooltip=["x", "y"],
        x_lim=(0, 5),
        y_lim=[None, 10],
        sort="-y",
        height=250,
    ).config()["props"]
    assert props["value"]["mark"] == "bar"
    expected = {"x": "group", "y": "y", "color": "group", "title": "T", "x_title": "X"}
    assert {k: props[k] for k in expected} == expected
    assert props["tooltip"] == ["x", "y"]
    assert props["x_lim"] == [0, 5]
    assert props["y_lim"] == [None, 10]
    assert props["sort"] == "-y"
    assert props["height"] == 250


@pytest.mark.parametrize(
    "payload",
    [
        "text",
        {"columns": ["x"], "data": [[1, 2]], "datatypes": {}},
        {"columns": ["x"], "data": [[1]], "datatypes": {"x": "colour"}},
        {"columns": [1], "data": [], "datatypes": {}},
        {"columns": ["x"], "data": "rows", "datatypes": {}},
    ],
)
def test_bad_payloads_are_refused(payload: Any) -> None:
    with pytest.raises(PayloadError):
        gr.LinePlot().preprocess(payload)


def test_only_dataframes_are_plotted() -> None:
    with pytest.raises(PayloadError, match="pandas DataFrame"):
        gr.ScatterPlot().postprocess([[1, 2]])


def test_select_and_double_click_listeners() -> None:
    plot = gr.LinePlot()
    with gr.Blocks():
        select = plot.select(lambda: None)
        double = plot.double_click(lambda: None)
    assert select.targets == [(plot, "select")]
    assert double.targets == [(plot, "double_click")]


def test_api_info_is_any_json_as_in_gradio() -> None:
    assert gr.LinePlot().api_info() == {"type": {}, "description": "any valid json"}
    assert python_type(gr.LinePlot().api_info()) == "str | float | bool | list | dict"


@pytest.mark.anyio
async def test_select_event_gets_the_x_range() -> None:
    with gr.Blocks() as demo:
        plot = gr.LinePlot(_frame(), x="x", y="y")
        out = gr.Textbox()

        def picked(evt: gr.SelectData) -> str:
            return f"{evt.index[0]}..{evt.index[1]}"

        plot.select(picked, None, out)
    async with asgi_client(demo) as client:
        joined = await client.post(
            "/gradio_api/queue/join",
            json={
                "data": [],
                "fn_index": 0,
                "session_hash": "sel",
                "event_data": {"index": [1.5, 2.5], "value": [1.5, 2.5]},
            },
        )
        assert joined.status_code == 200
        stream = await client.get("/gradio_api/queue/data", params={"session_hash": "sel"})
    assert completion(sse_messages(stream.text))["output"]["data"] == ["1.5..2.5"]


@pytest.mark.anyio
async def test_a_function_returning_a_dataframe_updates_the_plot() -> None:
    with gr.Blocks() as demo:
        n = gr.Number(3)
        plot = gr.LinePlot(x="x", y="y")
        n.change(lambda k: pd.DataFrame({"x": range(int(k)), "y": range(int(k))}), n, plot)
    async with asgi_client(demo) as client:
        done = completion(await run_event(client, 0, [2]))
    value = done["output"]["data"][0]
    assert value["data"] == [[0, 0], [1, 1]]
    assert value["mark"] == "line"


def test_binning_and_aggregation_leave_the_rows_as_gradio_sends_them() -> None:
    """Gradio 6.31 sends the raw rows whatever x_bin/y_aggregate say (its browser groups
    them); so does limelight, so API clients see the same payload either way."""
    frame = pd.DataFrame({"x": [1, 2, 7], "y": [1.0, 2.0, 4.0], "c": ["a", "b", "a"]})
    plain = gr.BarPlot(x="x", y="y").postprocess(frame)
    binned = gr.BarPlot(x="x", y="y", x_bin=5, y_aggregate="mean", color="c").postprocess(frame)
    assert binned == plain
    assert binned is not None
    assert binned["data"] == [[1, 1.0, "a"], [2, 2.0, "b"], [7, 4.0, "a"]]


@pytest.mark.parametrize(("make", "mark"), PLOTS)
def test_x_bin_and_y_aggregate_reach_the_config(make: Callable[..., Any], mark: str) -> None:
    props = make(_frame(), x="when", y="y", x_bin="1h", y_aggregate="median").config()["props"]
    assert (props["x_bin"], props["y_aggregate"]) == ("1h", "median")
    assert make(x="x", y="y", x_bin=2.5).config()["props"]["x_bin"] == 2.5
    defaults = make().config()["props"]
    assert (defaults["x_bin"], defaults["y_aggregate"]) == (None, None)


@pytest.mark.parametrize("x_bin", [0, -2, "1 hour", "h", "1w", True])
def test_a_bad_x_bin_is_refused(x_bin: Any) -> None:
    with pytest.raises(ValueError, match="x_bin"):
        gr.BarPlot(x="x", y="y", x_bin=x_bin)


def test_a_bad_y_aggregate_is_refused() -> None:
    with pytest.raises(ValueError, match="y_aggregate must be one of sum, mean"):
        gr.LinePlot(x="x", y="y", y_aggregate="average")  # type: ignore[arg-type]


@pytest.mark.anyio
async def test_an_update_changes_the_bin_without_resending_rows() -> None:
    with gr.Blocks() as demo:
        size = gr.Radio(["10m", "1h"], value="10m")
        plot = gr.BarPlot(_frame(), x="when", y="y", x_bin="10m")
        size.change(lambda s: gr.BarPlot(x_bin=s, y_aggregate="max"), size, plot)
    async with asgi_client(demo) as client:
        done = completion(await run_event(client, 0, ["1h"]))
    (update,) = done["output"]["data"]
    assert update == {"__type__": "update", "x_bin": "1h", "y_aggregate": "max"}
