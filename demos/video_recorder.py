"""Record a clip from the webcam: the recording is uploaded when it stops, and the app reports
its size and plays it back."""

from pathlib import Path

import limelight as gr


def describe(video: str | None) -> tuple[str, str | None]:
    if video is None:
        return "no video", None
    path = Path(video)
    return f"{path.suffix} {path.stat().st_size} bytes", video


with gr.Blocks(title="Video recorder") as demo:
    recorder = gr.Video(label="Webcam", sources=["webcam"])
    info = gr.Textbox(label="Recording")
    playback = gr.Video(label="Playback", interactive=False)
    recorder.change(describe, recorder, [info, playback])

if __name__ == "__main__":
    demo.launch()
