"""The app the chat streaming benchmark drives: a Chatbot already holding 200 messages, and a
button that streams a 2,000-token reply at 100 tokens/s. Runs under limelight or, with
``CHAT_BENCH_GRADIO=1``, under Gradio (from its own environment): ``python this.py PORT``."""

import os
import sys
import time

if os.environ.get("CHAT_BENCH_GRADIO"):
    import gradio as gr
else:
    import limelight as gr

TOKENS = int(os.environ.get("CHAT_BENCH_TOKENS", "2000"))
RATE = float(os.environ.get("CHAT_BENCH_RATE", "100"))
WORDS = ["stream", "**bold**", "token", "`code`", "chat", "smooth", "text", "frame"]


def history() -> list[dict]:
    messages = []
    for i in range(100):
        messages.append({"role": "user", "content": f"Question {i}: how does *item {i}* work?"})
        messages.append(
            {
                "role": "assistant",
                "content": f"Answer {i}. It uses **markdown**, a list:\n\n- one\n- two\n\n"
                f"```python\nprint({i})\n```",
            }
        )
    return messages


def stream(messages: list):
    messages = [*messages, {"role": "user", "content": "Write a long answer."}]
    reply = ""
    start = time.monotonic()
    for i in range(TOKENS):
        reply += WORDS[i % len(WORDS)] + (" " if i % 40 else "\n\n")
        delay = start + (i + 1) / RATE - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        yield [*messages, {"role": "assistant", "content": reply}]
    yield [*messages, {"role": "assistant", "content": reply + "END"}]


with gr.Blocks() as demo:
    chatbot = gr.Chatbot(value=history(), height=600)
    go = gr.Button("Stream", elem_id="go")
    go.click(stream, chatbot, chatbot)

if __name__ == "__main__":
    demo.queue(default_concurrency_limit=None)
    demo.launch(server_name="127.0.0.1", server_port=int(sys.argv[1]))
