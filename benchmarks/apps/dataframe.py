"""The big-table app: a 100,000 x 10 Dataframe, as demos/dataframe.py builds it. The same
file runs on limelight and Gradio: ``BENCH_UI`` names the library imported as ``gr``."""

import importlib
import os

gr = importlib.import_module(os.environ.get("BENCH_UI", "limelight"))

ROWS = 100_000
COLUMNS = 10

if gr.__name__ == "gradio":
    # Gradio's launch() checks that it reaches its own page within 3 s; its page of this
    # table takes longer on a loaded machine. The benchmark waits for the page itself.
    networking = importlib.import_module("gradio.networking")
    networking.url_ok = lambda url: True

with gr.Blocks() as demo:
    gr.Dataframe(
        [[r * COLUMNS + c for c in range(COLUMNS)] for r in range(ROWS)],
        headers=[f"col{c}" for c in range(COLUMNS)],
        datatype="number",
        type="array",
        interactive=True,
        elem_id="df",
    )

if __name__ == "__main__":
    demo.launch()
