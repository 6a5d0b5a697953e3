"""Record from the microphone, pausing and resuming as you like: each recording event shows in
the log as the server runs its listener, and the finished recording's sample rate and length
are read back from the WAV file the browser made.

"Voice" draws the microphone's level while recording, saves at 16 kHz and shows the browser's
audio controls beside its waveform player; "Memo" uses the browser's own player and no
recording waveform, and saves at the default 44.1 kHz. The buttons start and stop "Voice"
from the server.
"""

import wave
from collections.abc import Callable

import limelight as gr


def log(name: str) -> Callable[[str | None], str]:
    """A listener that adds ``name`` to the event log."""

    def add(seen: str | None) -> str:
        return f"{seen or ''} {name}".strip()

    return add


def describe(path: str | None) -> str:
    if path is None:
        return "no recording"
    with wave.open(path) as sound:
        rate = sound.getframerate()
        return f"{rate} Hz, {sound.getnframes() / rate:.2f} s"


with gr.Blocks(title="Record audio") as demo:
    voice = gr.Audio(
        label="Voice",
        sources=["microphone"],
        type="filepath",
        waveform_options=gr.WaveformOptions(
            sample_rate=16_000, waveform_color="#888888", show_controls=True
        ),
    )
    memo = gr.Audio(
        label="Memo",
        sources=["microphone"],
        type="filepath",
        waveform_options=gr.WaveformOptions(show_recording_waveform=False),
    )
    with gr.Row():
        # The server can start and stop the recorder too, through its `recording` prop.
        start = gr.Button("Start Voice from the server")
        stop = gr.Button("Stop Voice from the server")
    events = gr.Textbox(label="Events")
    info = gr.Textbox(label="Recording")
    voice.start_recording(log("start"), events, events)
    voice.pause_recording(log("pause"), events, events)
    voice.stop_recording(log("stop"), events, events)
    voice.stop_recording(describe, voice, info)
    memo.stop_recording(describe, memo, info)
    start.click(lambda: gr.update(recording=True), None, voice)
    stop.click(lambda: gr.update(recording=False), None, voice)

if __name__ == "__main__":
    demo.launch()
