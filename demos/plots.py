"""Plots: a projectile's path as a LinePlot driven by a Slider, and the same path drawn by
matplotlib on the server (like Gradio's blocks_kinematics demo). Drag across the line plot
to select a time range; double-click to clear it.

Needs pandas and matplotlib (``pip install 'limelight[plots]'``).
"""

import math

import pandas as pd
from matplotlib.figure import Figure

import limelight as gr

G = 9.81


def trajectory(speed: float, angle: float = 45) -> pd.DataFrame:
    """Height and distance every 0.05 s until the projectile lands."""
    vx, vy = speed * math.cos(math.radians(angle)), speed * math.sin(math.radians(angle))
    flight = 2 * vy / G
    times = [i * 0.05 for i in range(int(flight / 0.05) + 2)]
    return pd.DataFrame(
        {
            "time": times,
            "distance": [vx * t for t in times],
            "height": [max(0.0, vy * t - G * t * t / 2) for t in times],
        }
    )


def figure(speed: float) -> Figure:
    """The same path drawn by matplotlib (a Figure, not pyplot, so threads never share state)."""
    data = trajectory(speed)
    fig = Figure(figsize=(6, 3))
    ax = fig.add_subplot()
    ax.plot(data["distance"], data["height"], color="#4c78a8")
    ax.set_xlabel("distance (m)")
    ax.set_ylabel("height (m)")
    return fig


with gr.Blocks() as demo:
    speed = gr.Slider(5, 30, value=20, step=1, label="Speed (m/s)", elem_id="speed")
    line = gr.LinePlot(
        trajectory(20),
        x="time",
        y="height",
        title="Height over time",
        x_title="time (s)",
        y_title="height (m)",
        tooltip=["time", "height", "distance"],
        elem_id="line",
    )
    picked = gr.Textbox(label="Selected time range", elem_id="picked")
    image = gr.Plot(figure(20), format="png", label="matplotlib", elem_id="mpl")

    def zoom(evt: gr.SelectData) -> tuple[str, gr.LinePlot]:
        lo, hi = evt.index
        return f"{lo:.2f} to {hi:.2f}", gr.LinePlot(x_lim=[lo, hi])

    speed.change(lambda s: (trajectory(s), figure(s)), speed, [line, image])
    line.select(zoom, None, [picked, line])
    line.double_click(lambda: ("", gr.LinePlot(x_lim=None)), None, [picked, line])

if __name__ == "__main__":
    demo.launch()
