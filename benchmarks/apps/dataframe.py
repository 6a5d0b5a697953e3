"""The big-table app: a 100,000 x 10 Dataframe, as demos/dataframe.py builds it, and a
button that sends the same table to a second, empty Dataframe (a table an event returns).
The same file runs on limelight and Gradio: ``BENCH_UI`` names the library imported as
``gr``."""

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

TABLE = [[r * COLUMNS + c for c in range(COLUMNS)] for r in range(ROWS)]
HEADERS = [f"col{c}" for c in range(COLUMNS)]

with gr.Blocks() as demo:
    gr.Dataframe(
        TABLE, headers=HEADERS, datatype="number", type="array", interactive=True, elem_id="df"
    )
    load = gr.Button("Load the table", elem_id="load")
    loaded = gr.Dataframe(headers=HEADERS, datatype="number", type="array", elem_id="loaded")
    load.click(lambda: TABLE, None, loaded)

if __name__ == "__main__":
    demo.launch()
