"""The app the chat streaming benchmark drives: a Chatbot already holding a history (200
messages by default, ``CHAT_BENCH_HISTORY``), and a button that streams a 2,000-token reply,
yielding the whole history plus the growing reply each time. Tokens are paced as a model
makes them: a fixed sleep per token (``CHAT_BENCH_RATE`` tokens/s of sleep), so the server's
own cost per yield adds to the total. Runs under limelight or, with ``CHAT_BENCH_GRADIO=1``,
under Gradio (from its own environment): ``python this.py PORT``."""

import os
import sys
import time

if os.environ.get("CHAT_BENCH_GRADIO"):
    import gradio as gr
else:
    import limelight as gr

TOKENS = int(os.environ.get("CHAT_BENCH_TOKENS", "2000"))
RATE = float(os.environ.get("CHAT_BENCH_RATE", "100"))
HISTORY = int(os.environ.get("CHAT_BENCH_HISTORY", "200"))
WORDS = ["stream", "**bold**", "token", "`code`", "chat", "smooth", "text", "frame"]


def history() -> list[dict]:
    messages = []
    for i in range(HISTORY // 2):
        messages.append({"role": "user", "content": f"Question {i}: how does *item {i}* work?"})
        messages.append(
            {
                "role": "assistant",
                "content": f"Answer {i}. It uses **markdown**, a list:\n\n- one\n- two\n\n"
                f"```python\nprint({i})\n```",
            }
        )
    return messages


def stream():
    messages = [*history(), {"role": "user", "content": "Write a long answer."}]
    reply = ""
    for i in range(TOKENS):
        reply += WORDS[i % len(WORDS)] + (" " if i % 40 else "\n\n")
        time.sleep(1 / RATE)
        yield [*messages, {"role": "assistant", "content": reply}]
    yield [*messages, {"role": "assistant", "content": reply + "END"}]


with gr.Blocks() as demo:
    chatbot = gr.Chatbot(value=history(), height=600)
    go = gr.Button("Stream", elem_id="go")
    go.click(stream, None, chatbot)

if __name__ == "__main__":
    demo.queue(default_concurrency_limit=None)
    demo.launch(server_name="127.0.0.1", server_port=int(sys.argv[1]))
