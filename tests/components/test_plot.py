"""Plot: matplotlib figures become image data URLs; plotly/altair-like figures their JSON."""

from __future__ import annotations

import base64
import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import limelight as gr
from limelight.components import PayloadError
from tests.support import asgi_client, completion, run_event

SRC = Path(__file__).resolve().parents[2] / "src"


def _figure() -> Any:
    figure_module = pytest.importorskip("matplotlib.figure")
    fig = figure_module.Figure(figsize=(2, 1))
    fig.add_subplot().plot([0, 1, 2], [2, 0, 1])
    return fig


def test_matplotlib_figure_becomes_a_png_data_url() -> None:
    payload = gr.Plot(format="png").postprocess(_figure())
    assert payload is not None and payload["type"] == "matplotlib"
    head, data = payload["plot"].split(",", 1)
    assert head == "data:image/png;base64"
    assert base64.b64decode(data).startswith(b"\x89PNG")


def test_a_figure_is_saved_at_its_full_size_as_gradio_does() -> None:
    image = pytest.importorskip("PIL.Image")
    payload = gr.Plot(format="png").postprocess(_figure())
    assert payload is not None
    data = base64.b64decode(payload["plot"].split(",", 1)[1])
    with image.open(io.BytesIO(data)) as png:
        assert png.size == (200, 100)


def test_svg_and_default_webp_formats() -> None:
    svg = gr.Plot(format="svg").postprocess(_figure())
    assert svg is not None and svg["plot"].startswith("data:image/svg+xml;base64,")
    webp = gr.Plot().postprocess(_figure())
    assert webp is not None and webp["plot"].startswith("data:image/webp;base64,")


def test_a_figure_as_initial_value_is_in_the_config() -> None:
    props = gr.Plot(_figure(), format="png").config()["props"]
    assert props["value"]["type"] == "matplotlib"
    assert props["format"] == "png"


class _PlotlyLike:
    """Stands in for a plotly figure: what Plot reads is the module name and ``to_json``."""

    __module__ = "plotly.graph_objs._figure"

    def to_json(self) -> str:
        return '{"data": [], "layout": {}}'


def test_plotly_figures_are_sent_as_their_json_spec() -> None:
    assert gr.Plot().postprocess(_PlotlyLike()) == {
        "type": "plotly",
        "plot": '{"data": [], "layout": {}}',
    }


def test_payloads_pass_through_and_bad_ones_are_refused() -> None:
    plot = gr.Plot()
    good = {"type": "matplotlib", "plot": "data:image/png;base64,AAAA"}
    assert plot.preprocess(good) == good
    assert plot.postprocess(good) == good
    with pytest.raises(PayloadError):
        plot.preprocess({"type": "flash", "plot": ""})
    with pytest.raises(PayloadError):
        plot.preprocess("a string")
    with pytest.raises(PayloadError, match="matplotlib Figure"):
        plot.postprocess(42)


def test_api_info_names_plot_data() -> None:
    info = gr.Plot().api_info()
    assert info["title"] == "PlotData"
    assert info["required"] == ["type", "plot"]
    # /info shows the libraries in Gradio's order: Literal['altair', 'bokeh', ...].
    assert info["properties"]["type"]["enum"] == ["altair", "bokeh", "plotly", "matplotlib"]


def test_a_real_plotly_figure_is_sent_as_its_full_json_spec() -> None:
    go = pytest.importorskip("plotly.graph_objects")
    figure = go.Figure(go.Bar(x=["a", "b"], y=[3, 1], name="count"))
    payload = gr.Plot().postprocess(figure)
    assert payload is not None
    assert payload == {"type": "plotly", "plot": figure.to_json()}
    spec = json.loads(payload["plot"])
    assert spec["data"] == [{"name": "count", "type": "bar", "x": ["a", "b"], "y": [3, 1]}]
    assert "template" in spec["layout"]  # what plotly.js needs to look like plotly in Python


def test_a_plotly_express_figure_keeps_its_data() -> None:
    px = pytest.importorskip("plotly.express")
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame({"x": [1, 2, 3], "y": [2.0, 4.0, 1.0], "k": ["p", "q", "p"]})
    payload = gr.Plot().postprocess(px.scatter(frame, x="x", y="y", color="k"))
    assert payload is not None and payload["type"] == "plotly"
    traces = json.loads(payload["plot"])["data"]
    assert [trace["name"] for trace in traces] == ["p", "q"]
    assert {trace["type"] for trace in traces} == {"scatter"}


def test_a_real_altair_chart_is_sent_as_its_vega_lite_spec() -> None:
    alt = pytest.importorskip("altair")
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame({"fruit": ["apple", "fig"], "n": [3, 5]})
    chart = alt.Chart(frame).mark_bar().encode(x="fruit", y="n")
    payload = gr.Plot().postprocess(chart)
    assert payload == {"type": "altair", "plot": chart.to_json()}
    spec = json.loads(payload["plot"])
    assert "vega-lite" in spec["$schema"]
    assert spec["mark"] == {"type": "bar"}
    (rows,) = spec["datasets"].values()
    assert rows == [{"fruit": "apple", "n": 3}, {"fruit": "fig", "n": 5}]


def test_layered_and_interactive_altair_charts_are_sent_too() -> None:
    alt = pytest.importorskip("altair")
    pd = pytest.importorskip("pandas")
    base = alt.Chart(pd.DataFrame({"x": [1, 2], "y": [3, 4]})).encode(x="x", y="y")
    payload = gr.Plot().postprocess((base.mark_line() + base.mark_point()).interactive())
    assert payload is not None and payload["type"] == "altair"
    assert len(json.loads(payload["plot"])["layer"]) == 2


@pytest.mark.anyio
async def test_a_function_returning_a_plotly_figure_sends_its_spec() -> None:
    go = pytest.importorskip("plotly.graph_objects")
    figure = go.Figure(go.Scatter(x=[1, 2], y=[3, 4]))
    with gr.Blocks() as demo:
        button = gr.Button()
        plot = gr.Plot()
        button.click(lambda: figure, None, plot)
    async with asgi_client(demo) as client:
        done = completion(await run_event(client, 0, []))
    assert done["output"]["data"] == [{"type": "plotly", "plot": figure.to_json()}]


def test_limelight_never_imports_plotly_or_altair_itself() -> None:
    code = (
        "import sys, limelight as gr\n"
        "gr.Plot().postprocess({'type': 'plotly', 'plot': '{}'})\n"
        "print(sorted(m for m in ('plotly', 'altair') if m in sys.modules))"
    )
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")]),
    }
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert result.stdout.strip() == "[]", result.stderr
