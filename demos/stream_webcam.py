"""Mirror webcam: stream the camera and see each frame mirrored, a few times a second."""

from typing import Any

import limelight as gr


def mirror(frame: Any, seen: int) -> tuple[Any, str, int]:
    if frame is None:
        return None, "No frame yet", seen
    height, width = frame.shape[:2]
    return frame[:, ::-1], f"frame {seen + 1}: {width}x{height}", seen + 1


with gr.Blocks(title="Mirror webcam") as demo:
    camera = gr.Image(label="Camera", sources="webcam", streaming=True)
    mirrored = gr.Image(label="Mirrored")
    info = gr.Textbox(label="Frames")
    frames = gr.State(0)
    camera.stream(
        mirror, [camera, frames], [mirrored, info, frames], stream_every=0.2, time_limit=30
    )

if __name__ == "__main__":
    demo.launch()
