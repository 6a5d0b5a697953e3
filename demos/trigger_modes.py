"""``trigger_mode``: what a second click does while an event still runs. ``once`` ignores
it, ``multiple`` runs every click, ``always_last`` runs once more after the current run."""

import time
from collections import Counter

import limelight as gr

PAUSE = 0.5
RUNS: Counter[str] = Counter()
"""How many times each mode's function ran."""


def runner(mode: str):
    def run() -> int:
        RUNS[mode] += 1
        time.sleep(PAUSE)
        return RUNS[mode]

    return run


with gr.Blocks(title="Trigger modes") as demo:
    gr.Markdown("# Click fast")
    for mode in ("once", "multiple", "always_last"):
        with gr.Row():
            runs = gr.Number(0, label=f"Runs ({mode})")
            gr.Button(f"Click ({mode})").click(
                runner(mode), None, runs, trigger_mode=mode, concurrency_limit=None
            )

if __name__ == "__main__":
    demo.launch()
