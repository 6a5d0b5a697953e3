"""Binning, aggregation and stacking in the native plots: a day of made-up sales, summed per
hour (``x_bin``) and stacked by region (``color`` on a BarPlot). The radios change the bin size
and the aggregate; the rows are sent once and the browser regroups them.

Needs pandas (``pip install 'limelight[plots]'``).
"""

import pandas as pd

import limelight as gr


def sales() -> pd.DataFrame:
    """One sale every 10 minutes for 8 hours, alternating between two regions."""
    times = pd.date_range("2024-05-01 08:00", periods=48, freq="10min")
    return pd.DataFrame(
        {
            "time": times,
            "amount": [10 + (i * 7) % 13 for i in range(48)],
            "region": ["north", "south"] * 24,
            "product": ["tea", "cake", "soup"] * 16,
        }
    )


with gr.Blocks() as demo:
    with gr.Row():
        bins = gr.Radio(["10m", "30m", "1h"], value="1h", label="Bin size", elem_id="bins")
        aggregate = gr.Radio(
            ["sum", "mean", "median", "min", "max", "count"],
            value="sum",
            label="Aggregate",
            elem_id="aggregate",
        )
    by_time = gr.BarPlot(
        sales(),
        x="time",
        y="amount",
        color="region",
        x_bin="1h",
        title="Sales per time bin, stacked by region",
        elem_id="by_time",
    )
    with gr.Row():
        by_product = gr.BarPlot(
            sales(), x="product", y="amount", color="region", sort="-y", elem_id="by_product"
        )
        trend = gr.LinePlot(sales(), x="time", y="amount", x_bin="1h", elem_id="trend")
    bins.change(lambda b: (gr.BarPlot(x_bin=b), gr.LinePlot(x_bin=b)), bins, [by_time, trend])
    aggregate.change(
        lambda a: [
            gr.BarPlot(y_aggregate=a),
            gr.BarPlot(y_aggregate=a),
            gr.LinePlot(y_aggregate=a),
        ],
        aggregate,
        [by_time, by_product, trend],
    )

if __name__ == "__main__":
    demo.launch()
