"""The smallest app: a function from text to text."""

import limelight as gr


def greet(name: str, intensity: int) -> str:
    return "Hello, " + name + "!" * int(intensity)


demo = gr.Interface(
    fn=greet,
    inputs=["text", gr.Slider(1, 5, value=1, step=1, label="intensity")],
    outputs=["text"],
    title="Hello",
    description="Type a name and press **Submit**.",
)

if __name__ == "__main__":
    demo.launch()
