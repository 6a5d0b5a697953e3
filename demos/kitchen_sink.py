"""Every component limelight has (besides chat), in tabs, rows and an accordion.

Run it with `limelight run demos/kitchen_sink.py` (it needs `pip install 'limelight[media,plots]'`
for the generated images, sound and charts); add `?__theme=dark` to the URL for the dark
scheme. The browser tests screenshot it in both schemes.
"""

import importlib.util
import math
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

import limelight as gr

CHOICES = ["apple", "banana", "cherry"]
MARKDOWN = """
## Markdown
**Bold**, *italic*, `code`, a [link](https://example.org) and a table:

| a | b |
|---|---|
| 1 | 2 |

Math: $e^{i\\pi} + 1 = 0$

```python
def square(x):
    return x * x
```
"""


def gradient(size: int = 64) -> np.ndarray:
    """A small RGB image made here, so the demo needs no files."""
    ramp = np.linspace(0, 255, size, dtype=np.uint8)
    red, green = np.meshgrid(ramp, ramp)
    return np.stack([red, green, np.full_like(red, 128)], axis=-1)


def tone(seconds: float = 0.5, rate: int = 16_000) -> tuple[int, np.ndarray]:
    """Half a second of a 440 Hz tone."""
    t = np.arange(int(seconds * rate)) / rate
    return rate, (0.3 * np.sin(2 * math.pi * 440 * t) * 32767).astype(np.int16)


def notes() -> str:
    """A small text file for the File component, written to the temp folder apps may serve."""
    path = Path(tempfile.gettempdir()) / "limelight_kitchen_sink.txt"
    path.write_text("Some notes.\n", encoding="utf-8")
    return str(path)


def waves() -> pd.DataFrame:
    x = [i / 10 for i in range(63)]
    return pd.DataFrame(
        {
            "x": x * 2,
            "y": [math.sin(v) for v in x] + [math.cos(v) for v in x],
            "wave": ["sin"] * 63 + ["cos"] * 63,
        }
    )


def figure() -> Figure:
    fig = Figure(figsize=(4, 2.5))
    fig.add_subplot().bar(["a", "b", "c"], [3, 1, 2], color="#4d7c0f")
    return fig


def plotly_figure() -> object:
    """Waves as a plotly figure (only when plotly is installed)."""
    # lazy: plotly is optional for this demo
    import plotly.express as px

    return px.line(waves(), x="x", y="y", color="wave", height=260)


def echo(*values: object) -> str:
    return " | ".join(str(v) for v in values)


with gr.Blocks(title="Kitchen sink") as demo:
    with gr.Sidebar(label="Sidebar", open=False):
        gr.Markdown("Things at the side.")
    gr.Markdown("# Kitchen sink", elem_id="title")
    with gr.Tabs():
        with gr.Tab("Inputs", id="inputs"):
            with gr.Row(equal_height=True):
                text = gr.Textbox(
                    label="Textbox", placeholder="Type here", buttons=["copy"], submit_btn=True
                )
                password = gr.Textbox(label="Password", type="password")
                number = gr.Number(3, label="Number", minimum=0, maximum=10)
            with gr.Row():
                slider = gr.Slider(0, 10, value=4, label="Slider")
                checkbox = gr.Checkbox(True, label="Checkbox")
                radio = gr.Radio(CHOICES, value="apple", label="Radio")
            with gr.Row():
                group = gr.CheckboxGroup(CHOICES, value=["banana"], label="CheckboxGroup")
                dropdown = gr.Dropdown(CHOICES, label="Dropdown")
                multi = gr.Dropdown(CHOICES, value=["apple"], multiselect=True, label="Multi")
            with gr.Row():
                colour = gr.ColorPicker("#4d7c0f", label="ColorPicker")
                when = gr.DateTime("2024-01-31 12:00:00", label="DateTime")
            code = gr.Code("def f(x):\n    return x + 1\n", language="python", label="Code")
            with gr.Row():
                run = gr.Button("Run", variant="primary")
                gr.Button("Stop", variant="stop")
                gr.Button("Secondary")
                gr.ClearButton([text, number], value="Clear")
            summary = gr.Textbox(label="Summary", lines=3)
            run.click(
                echo,
                [text, number, slider, checkbox, radio, group, dropdown, multi, colour, when],
                summary,
            )
            gr.Examples([["hello", 1], ["world", 2]], [text, number])
        with gr.Tab("Outputs", id="outputs"):
            gr.Markdown(MARKDOWN, header_links=True)
            gr.HTML("<p style='color: teal'>Some <b>HTML</b></p>")
            gr.Label({"cat": 0.7, "dog": 0.2, "bird": 0.1}, label="Label")
            gr.HighlightedText(
                [("The ", None), ("quick", "ADJ"), (" fox ", None), ("jumps", "VERB")],
                label="HighlightedText",
                show_legend=True,
            )
            gr.JSON({"a": [1, 2, 3], "b": {"c": None}}, label="JSON")
        with gr.Tab("Data", id="data"):
            gr.Dataframe(
                [["apple", 3, True, "**ripe**"], ["pear", 1, False, "*soft*"]],
                headers=["fruit", "count", "fresh", "note"],
                datatype=["str", "number", "bool", "markdown"],
                show_search="search",
                interactive=True,
                label="Dataframe",
            )
            with gr.Row():
                gr.LinePlot(waves(), x="x", y="y", color="wave", title="LinePlot", height=220)
                gr.BarPlot(
                    pd.DataFrame({"fruit": ["apple", "pear", "fig"], "n": [3, 1, 5]}),
                    x="fruit",
                    y="n",
                    title="BarPlot",
                    height=220,
                )
            with gr.Row():
                gr.ScatterPlot(waves(), x="x", y="y", color="wave", title="ScatterPlot", height=220)
                gr.Plot(figure(), format="png", label="Plot (matplotlib)")
            if importlib.util.find_spec("plotly"):  # optional: drawn by plotly.js when installed
                gr.Plot(plotly_figure(), label="Plot (plotly)")
        with gr.Tab("Media", id="media"):
            with gr.Row():
                gr.Image(gradient(), label="Image")
                gr.Gallery([gradient(32), gradient(48)], label="Gallery", columns=2, height=200)
            with gr.Row():
                gr.Audio(tone(), label="Audio")
                gr.Video(label="Video")
            with gr.Row():
                gr.File(notes(), label="File")
                gr.UploadButton("Upload a file")
                gr.DownloadButton("Download notes", value=notes())
    with gr.Accordion("Accordion", open=True):
        gr.Markdown("Inside an accordion.")
    gr.Timer(60, active=False)
    gr.State(0)

if __name__ == "__main__":
    demo.launch()
