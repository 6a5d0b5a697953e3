"""A "typing" bot: a generator ChatInterface that streams its reply word by word, with a stop
button, retry, undo and edit. The reply is Markdown with a code block (try its copy button)."""

import time

import limelight as gr

REPLY = """Here is how to reverse a string in **Python**:

```python
def reverse(text: str) -> str:
    return text[::-1]
```

You asked: *{message}*. Anything else?"""


def type_reply(message: str, history: list[dict]):
    text = REPLY.format(message=message)
    shown = ""
    for word in text.split(" "):
        shown += ("" if not shown else " ") + word
        time.sleep(0.05)
        yield shown


demo = gr.ChatInterface(
    type_reply,
    title="Typing bot",
    description="Streams its answer; press Stop to cut it short.",
    editable=True,
    save_history=True,
)

if __name__ == "__main__":
    demo.launch()
