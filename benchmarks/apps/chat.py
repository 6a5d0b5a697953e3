"""A Chatbot already holding a history (200 Markdown messages by default,
``CHAT_BENCH_HISTORY``), and a button (``api_name="stream"``) that streams a reply of
``CHAT_BENCH_TOKENS`` tokens (2,000), yielding the whole history plus the growing reply each
time. Tokens are paced as a model makes them: a fixed sleep per token (``CHAT_BENCH_RATE``
tokens/s of sleep, 100: 10 ms), so the server's own cost per yield adds to the total. The
reply ends with ``END``. ``BENCH_UI`` names the library imported as ``gr``."""

import importlib
import os
import time

gr = importlib.import_module(os.environ.get("BENCH_UI", "limelight"))

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
    go.click(stream, None, chatbot, api_name="stream")

if __name__ == "__main__":
    demo.launch()
