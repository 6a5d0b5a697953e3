"""Live loudness meter: stream the microphone and watch its level update while you speak.

The browser sends a chunk of sound every quarter second; each chunk runs ``meter`` and the
level shows at once. Streaming stops when you press stop, or after 60 seconds of processing.
"""

from typing import Any

import limelight as gr


def meter(sound: tuple[int, Any] | None, seen: int) -> tuple[str, float | None, int]:
    import numpy as np  # heavy: only when a chunk arrives

    if sound is None:
        return "No sound yet", None, seen
    rate, samples = sound
    level = np.sqrt(np.mean((samples.astype(np.float64) / 32768.0) ** 2)) if samples.size else 0.0
    dbfs = round(20 * float(np.log10(max(level, 1e-6))), 1)
    bar = "█" * max(0, int((dbfs + 60) / 3))
    seconds = samples.shape[0] / rate
    return f"chunk {seen + 1}: {seconds:.2f} s {bar}", dbfs, seen + 1


with gr.Blocks(title="Loudness meter") as demo:
    gr.Markdown("# Loudness meter\nPress **Record** and speak.")
    mic = gr.Audio(label="Microphone", sources=["microphone"], streaming=True)
    level = gr.Textbox(label="Level")
    dbfs = gr.Number(label="dBFS")
    chunks = gr.State(0)
    mic.stream(meter, [mic, chunks], [level, dbfs, chunks], stream_every=0.25, time_limit=60)

if __name__ == "__main__":
    demo.launch()
