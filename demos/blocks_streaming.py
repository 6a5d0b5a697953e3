"""Blocks with a layout, a chained event, a streaming generator and an error."""

import time

import limelight as gr


def reverse(text: str) -> str:
    return text[::-1]


def count_up(text: str):
    words = text.split() or ["(nothing)"]
    shown = ""
    for word in words:
        shown = f"{shown} {word}".strip()
        time.sleep(0.05)
        yield shown


def shout(text: str) -> str:
    if not text:
        raise gr.Error("Type something first.")
    gr.Info("Shouting!")
    return text.upper() + "!"


with gr.Blocks(title="Streaming") as demo:
    gr.Markdown("# Words\nReverse, stream or shout what you type.")
    with gr.Row():
        with gr.Column():
            text = gr.Textbox(label="Text", placeholder="a few words")
            with gr.Row():
                reverse_btn = gr.Button("Reverse", variant="primary")
                stream_btn = gr.Button("Stream")
                shout_btn = gr.Button("Shout", variant="stop")
        with gr.Column():
            output = gr.Textbox(label="Output")
            length = gr.Number(label="Length")
    reverse_btn.click(reverse, text, output, api_name="reverse").then(len, output, length)
    stream_btn.click(count_up, text, output, api_name="stream")
    shout_btn.click(shout, text, output, api_name="shout")

if __name__ == "__main__":
    demo.launch()
