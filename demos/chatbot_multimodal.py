"""A multimodal bot: attach files (button, paste or drag and drop) or record a voice note with
the microphone button, and it describes them."""

import os

import limelight as gr


def describe(message: dict, history: list[dict]) -> str:
    files = message.get("files", [])
    if not files:
        return f"No files attached. You wrote: {message.get('text', '')}"
    text = message.get("text", "")
    lines = [f"You sent {len(files)} file(s)" + (f" with the words: {text}" if text else ":")]
    for path in files:
        size = os.path.getsize(path) if os.path.exists(path) else 0
        lines.append(f"- `{os.path.basename(path)}` ({size} bytes)")
    return "\n".join(lines)


demo = gr.ChatInterface(
    describe,
    multimodal=True,
    textbox=gr.MultimodalTextbox(
        sources=["upload", "microphone"], placeholder="Type a message...", show_label=False
    ),
    title="Describe my files",
)

if __name__ == "__main__":
    demo.launch()
