"""The queue: a slow model that runs one call at a time, two tools that share a pool of two
slots, a bounded queue, and progress reported while a call runs."""

import limelight as gr

TRACKER = gr.Progress()
"""A ``gr.Progress`` default marks the parameter that receives the call's progress tracker."""


def generate(prompt: str, progress: gr.Progress = TRACKER) -> str:
    words = prompt.split() or ["nothing"]
    for _ in progress.tqdm(words, desc="Thinking"):
        pass
    return " ".join(reversed(words))


def resize(size: float) -> str:
    return f"resized to {int(size)} px"


def crop(size: float) -> str:
    return f"cropped to {int(size)} px"


with gr.Blocks(title="Queue") as demo:
    prompt = gr.Textbox(label="Prompt")
    answer = gr.Textbox(label="Answer")
    size = gr.Number(256, label="Size")
    done = gr.Textbox(label="Done")
    # One call of the model at a time; the others wait in line and see their place.
    gr.Button("Generate").click(generate, prompt, answer, concurrency_limit=1)
    # The two tools share two slots between them.
    tools = {"concurrency_limit": 2, "concurrency_id": "tools"}
    gr.Button("Resize").click(resize, size, done, **tools)
    gr.Button("Crop").click(crop, size, done, **tools)

# At most 20 calls wait; a 21st is turned away with "queue full".
demo.queue(max_size=20)

if __name__ == "__main__":
    demo.launch()
