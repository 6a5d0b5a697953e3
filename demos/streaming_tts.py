"""A text-to-speech-like stream: each sentence becomes a short tone, yielded as soon as it is
made, and the browser plays the chunks back to back as they arrive."""

import time

import numpy as np

import limelight as gr

RATE = 16_000


def tone(sentence: str) -> np.ndarray:
    """A "spoken" sentence: a glide whose pitch and length follow the text."""
    seconds = 0.25 + 0.02 * len(sentence)
    t = np.arange(int(RATE * seconds)) / RATE
    pitch = 220 + 15 * (sum(map(ord, sentence)) % 20)
    wave = 0.3 * np.sin(2 * np.pi * pitch * t * (1 + 0.1 * t))
    fade = np.minimum(1, np.minimum(t, t[::-1]) / 0.01)  # no clicks at the joins
    return (wave * fade * 32767).astype(np.int16)


def speak(text: str):
    for sentence in filter(None, (s.strip() for s in text.split("."))):
        time.sleep(0.05)  # the "model" thinking
        yield RATE, tone(sentence)


with gr.Blocks(title="Streaming speech") as demo:
    text = gr.Textbox(label="Text", value="Hello there. This is a stream. Each sentence plays.")
    audio = gr.Audio(label="Speech", streaming=True, autoplay=True)
    gr.Button("Speak", variant="primary").click(speak, text, audio)

if __name__ == "__main__":
    demo.launch()
