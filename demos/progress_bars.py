"""Progress and notifications: ``gr.Progress`` bars drawn on the outputs, the three
``show_progress`` styles, ``show_progress_on`` and ``gr.Info``/``Warning``/``Success`` toasts
with their durations."""

import time

import limelight as gr

PAUSE = 0.3
"""Seconds per step (tests shorten or lengthen it)."""


TRACKER = gr.Progress()
"""A ``gr.Progress`` default on a parameter is what asks for the progress tracker."""


def work(steps: float, progress: gr.Progress = TRACKER) -> str:
    for _ in progress.tqdm(range(int(steps)), desc="Working"):
        time.sleep(PAUSE)
    gr.Success("All steps done.", duration=2)
    return f"done {int(steps)} steps"


def wait(steps: float) -> str:
    time.sleep(PAUSE * int(steps))
    return f"waited {int(steps)} steps"


def warn() -> None:
    gr.Warning("This warning stays until you close it.", duration=None)
    gr.Info("This note goes after a second.", duration=1)


with gr.Blocks(title="Progress") as demo:
    gr.Markdown("# Progress")
    steps = gr.Number(5, label="Steps")
    with gr.Row():
        full = gr.Textbox(label="Full")
        minimal = gr.Textbox(label="Minimal")
        hidden = gr.Textbox(label="Hidden")
    banner = gr.Textbox(label="Banner")
    with gr.Row():
        gr.Button("Run full").click(work, steps, full)
        gr.Button("Run minimal").click(wait, steps, minimal, show_progress="minimal")
        gr.Button("Run hidden").click(wait, steps, hidden, show_progress="hidden")
        gr.Button("Run on banner").click(wait, steps, hidden, show_progress_on=banner)
        gr.Button("Notify").click(warn)

if __name__ == "__main__":
    demo.launch()
