"""A gallery with select: generated swatches with captions; click one to see which it was."""

import numpy as np

import limelight as gr

COLOURS = {
    "red": (220, 40, 40),
    "green": (40, 180, 70),
    "blue": (40, 90, 220),
    "gold": (230, 180, 30),
}


def swatches() -> list[tuple[np.ndarray, str]]:
    return [(np.full((48, 48, 3), rgb, dtype=np.uint8), name) for name, rgb in COLOURS.items()]


def chosen(event: gr.SelectData) -> str:
    name = list(COLOURS)[event.index]
    return f"You picked {name} (item {event.index})"


with gr.Blocks(title="Gallery") as demo:
    gallery = gr.Gallery(swatches(), label="Swatches", columns=4, height=240)
    picked = gr.Textbox(label="Picked")
    gallery.select(chosen, None, picked)

if __name__ == "__main__":
    demo.launch()
