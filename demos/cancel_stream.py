"""Cancel buttons: "Count" streams numbers until "Stop" cancels it. The generator's
``finally`` block still runs (here it records the stop in ``STOPPED``), and no value
arrives after the stop."""

import time

import limelight as gr

STOPPED: list[int] = []
"""The last number each cancelled count reached, appended by its ``finally`` block."""


def count(limit: float):
    n = 0
    try:
        while n < limit:
            n += 1
            yield n
            time.sleep(0.2)
    finally:
        STOPPED.append(n)


with gr.Blocks(title="Cancel") as demo:
    gr.Markdown("# Count and stop")
    limit = gr.Number(1000, label="Count to")
    shown = gr.Number(label="Count")
    with gr.Row():
        start = gr.Button("Count", variant="primary")
        stop = gr.Button("Stop", variant="stop")
    run = start.click(count, limit, shown)
    stop.click(None, None, None, cancels=[run])

if __name__ == "__main__":
    demo.launch()
