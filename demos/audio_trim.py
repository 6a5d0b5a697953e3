"""Trim a sound: the waveform shows a two-second chirp; click it to seek (or skip by a quarter
of it with the skip buttons), drag across it to select a region, and press Trim. The app
reports the length and sample rate of what is left (trimmed sound is saved at 22.05 kHz)."""

from typing import Any

import numpy as np

import limelight as gr

RATE = 8_000


def chirp(seconds: float = 2.0) -> tuple[int, Any]:
    t = np.arange(int(RATE * seconds)) / RATE
    envelope = np.abs(np.sin(np.pi * t * 2))  # four swells, so the waveform has a shape
    return RATE, (0.5 * envelope * np.sin(2 * np.pi * (200 + 200 * t) * t) * 32767).astype(np.int16)


def length(sound: tuple[int, Any] | None) -> str:
    if sound is None:
        return "no sound"
    rate, samples = sound
    return f"{len(samples) / rate:.2f} s at {rate} Hz"


with gr.Blocks(title="Trim audio") as demo:
    sound = gr.Audio(
        chirp(),
        label="Sound",
        waveform_options=gr.WaveformOptions(
            waveform_color="#888888",
            waveform_progress_color="#16a34a",
            trim_region_color="#3b82f6",
            skip_length=25,
            sample_rate=22_050,
        ),
    )
    info = gr.Textbox(label="Length")
    sound.change(length, sound, info)

if __name__ == "__main__":
    demo.launch()
