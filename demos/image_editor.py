"""Draw on a sketchpad: each stroke sends the drawing, and its dark pixels are counted."""

from typing import Any

import limelight as gr


def ink(drawing: dict[str, Any] | None) -> tuple[Any, str]:
    """Show the composite and count the pixels the strokes darkened."""
    if drawing is None or drawing["composite"] is None:
        return None, "Nothing drawn yet"
    flat = drawing["composite"]
    dark = int((flat[..., :3].max(axis=-1) < 128).sum())
    return flat, f"{dark} dark pixels"


with gr.Blocks() as demo:
    with gr.Row():
        pad = gr.Sketchpad(label="Sketchpad", type="numpy", canvas_size=(320, 240))
        preview = gr.Image(label="Drawing")
    count = gr.Textbox(label="Ink")
    pad.change(ink, pad, [preview, count])

if __name__ == "__main__":
    demo.launch()
