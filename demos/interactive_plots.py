"""Interactive figures in gr.Plot: the same measurements drawn by plotly (zoom, pan, hover) and
by altair (Vega-Lite, with tooltips), next to a matplotlib image. The slider changes how many
days are shown and redraws all three.

Needs pandas, matplotlib, plotly and altair (``pip install 'limelight[plots]' plotly altair``).
"""

import math

import altair as alt
import pandas as pd
import plotly.graph_objects as go
from matplotlib.figure import Figure

import limelight as gr


def readings(days: int) -> pd.DataFrame:
    """A made-up temperature and rainfall per day."""
    day = list(range(1, days + 1))
    return pd.DataFrame(
        {
            "day": day,
            "temperature": [round(12 + 8 * math.sin(d / 4), 1) for d in day],
            "rain": [round(3 + 3 * math.cos(d / 3), 1) for d in day],
        }
    )


def plotly_figure(days: int) -> go.Figure:
    data = readings(days)
    figure = go.Figure()
    figure.add_trace(go.Scatter(x=data["day"], y=data["temperature"], name="temperature"))
    figure.add_trace(go.Bar(x=data["day"], y=data["rain"], name="rain"))
    figure.update_layout(title="plotly", height=320, margin={"t": 40, "b": 30})
    return figure


def altair_chart(days: int) -> alt.Chart:
    return (
        alt.Chart(readings(days), title="altair")
        .mark_bar()
        .encode(x="day:O", y="rain:Q", tooltip=["day", "rain"])
        .properties(width="container", height=260)
    )


def matplotlib_figure(days: int) -> Figure:
    data = readings(days)
    figure = Figure(figsize=(6, 2.6))
    axes = figure.add_subplot()
    axes.plot(data["day"], data["temperature"])
    axes.set_title("matplotlib")
    return figure


def draw(days: float) -> tuple[go.Figure, alt.Chart, Figure]:
    n = int(days)
    return plotly_figure(n), altair_chart(n), matplotlib_figure(n)


with gr.Blocks() as demo:
    days = gr.Slider(3, 30, value=7, step=1, label="Days", elem_id="days")
    with gr.Row():
        plotly_plot = gr.Plot(plotly_figure(7), label="plotly", elem_id="plotly")
        altair_plot = gr.Plot(altair_chart(7), label="altair", elem_id="altair")
    image = gr.Plot(matplotlib_figure(7), format="png", label="matplotlib", elem_id="mpl")
    days.change(draw, days, [plotly_plot, altair_plot, image])

if __name__ == "__main__":
    demo.launch()
