"""Sepia filter: an uploaded image in, the same image in sepia tones out (numpy)."""

import numpy as np

import limelight as gr

SEPIA = np.array([[0.393, 0.769, 0.189], [0.349, 0.686, 0.168], [0.272, 0.534, 0.131]])


def sepia(image: np.ndarray) -> np.ndarray:
    toned = image[..., :3] @ SEPIA.T
    return np.clip(toned, 0, 255).astype(np.uint8)


demo = gr.Interface(
    sepia,
    gr.Image(label="Photo"),
    gr.Image(label="Sepia"),
    title="Sepia filter",
    description="Upload, paste or drop a picture.",
)

if __name__ == "__main__":
    demo.launch()
