"""Plot: matplotlib figures become image data URLs; plotly/altair-like figures their JSON."""

from __future__ import annotations

import base64
from typing import Any

import pytest

import limelight as gr
from limelight.components import PayloadError


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
