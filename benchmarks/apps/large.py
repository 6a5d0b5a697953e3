"""A large app like the biggest community UIs: 10 tabs of 100 components (25 groups of
textbox, number, checkbox and button) and 500 listeners. ``BENCH_UI`` names the library
imported as ``gr``."""

import importlib
import os

gr = importlib.import_module(os.environ.get("BENCH_UI", "limelight"))

TABS = 10
GROUPS = 25


def combine(text: str, number: float, flag: bool) -> str:
    return f"{text} {number} {flag}"


def shout(text: str) -> str:
    return text.upper()


with gr.Blocks() as demo, gr.Tabs():
    for tab in range(TABS):
        with gr.Tab(f"Tab {tab}"):
            for group in range(GROUPS):
                with gr.Row():
                    text = gr.Textbox(label=f"Text {tab}.{group}")
                    number = gr.Number(label=f"Number {tab}.{group}", value=group)
                    flag = gr.Checkbox(label=f"Flag {tab}.{group}")
                    button = gr.Button(f"Go {tab}.{group}")
                button.click(combine, [text, number, flag], text)
                text.submit(shout, text, text)

if __name__ == "__main__":
    demo.launch()
