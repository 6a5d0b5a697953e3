"""A multimodal bot: attach files (button, paste or drag and drop) and it describes them."""

import os

import limelight as gr


def describe(message: dict, history: list[dict]) -> str:
    files = message.get("files", [])
    if not files:
        return f"No files attached. You wrote: {message.get('text', '')}"
    lines = [f"You sent {len(files)} file(s):"]
    for path in files:
        size = os.path.getsize(path) if os.path.exists(path) else 0
        lines.append(f"- `{os.path.basename(path)}` ({size} bytes)")
    return "\n".join(lines)


demo = gr.ChatInterface(describe, multimodal=True, title="Describe my files")

if __name__ == "__main__":
    demo.launch()
