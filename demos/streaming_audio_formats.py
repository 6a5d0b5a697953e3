"""Streamed audio in compressed formats: a generator yields half-second tones, written as MP3
and as Ogg Opus chunks, and the browser plays each output's chunks back to back as they arrive.
The third and fourth tones are the same sound, so the same chunk plays twice in a row."""

from collections.abc import Iterator
from typing import Any

import numpy as np

import limelight as gr

RATE = 48_000
CHUNK_SECONDS = 0.5
PITCHES = [330, 440, 550, 550, 660]


def tone(pitch: float) -> Any:
    """Half a second of ``pitch`` Hz, faded in and out so the joins do not click."""
    t = np.arange(int(RATE * CHUNK_SECONDS)) / RATE
    fade = np.minimum(1, np.minimum(t, t[::-1]) / 0.01)
    return (0.3 * np.sin(2 * np.pi * pitch * t) * fade * 32767).astype(np.int16)


def play() -> Iterator[tuple[tuple[int, Any], tuple[int, Any]]]:
    for pitch in PITCHES:
        chunk = (RATE, tone(pitch))
        yield chunk, chunk


with gr.Blocks(title="Streaming MP3 and Opus") as demo:
    mp3 = gr.Audio(label="MP3", streaming=True, format="mp3")
    ogg = gr.Audio(label="Opus", streaming=True, format="ogg")
    gr.Button("Play", variant="primary").click(play, None, [mp3, ogg])

if __name__ == "__main__":
    demo.launch()
