"""A ChatInterface with settings: a system prompt and a temperature, in an accordion under
the chat. The bot reports the settings it was called with."""

import limelight as gr


def respond(message: str, history: list[dict], system_prompt: str, temperature: float):
    reply = f"[{system_prompt} | temperature {temperature:.2f}] {message}"
    for end in range(1, len(reply) + 1, 4):
        yield reply[:end]
    yield reply


demo = gr.ChatInterface(
    respond,
    additional_inputs=[
        gr.Textbox("You are a helpful assistant.", label="System prompt"),
        gr.Slider(0, 2, value=0.7, step=0.05, label="Temperature"),
    ],
    title="Chat with settings",
)

if __name__ == "__main__":
    demo.launch()
