"""An echo bot: the smallest ChatInterface. It answers every message with the message itself."""

import limelight as gr


def echo(message: str, history: list[dict]) -> str:
    return f"You said: {message}"


demo = gr.ChatInterface(echo, title="Echo bot", examples=["Hello!", "What can you do?"])

if __name__ == "__main__":
    demo.launch()
