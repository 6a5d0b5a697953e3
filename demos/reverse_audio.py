"""Reverse audio: record or upload a sound and hear it backwards."""

from typing import Any

import limelight as gr


def reverse(sound: tuple[int, Any] | None) -> tuple[int, Any] | None:
    if sound is None:
        return None
    rate, samples = sound
    return rate, samples[::-1]


demo = gr.Interface(
    reverse,
    gr.Audio(label="Sound", sources=["microphone", "upload"]),
    gr.Audio(label="Backwards"),
    title="Reverse audio",
)

if __name__ == "__main__":
    demo.launch()
