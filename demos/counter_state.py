"""A counter kept in ``gr.State``: each browser session (each tab or visitor) counts on its
own, and reloading the page starts a new session from zero."""

import limelight as gr


def add_one(count: int) -> tuple[int, int]:
    count += 1
    return count, count


with gr.Blocks(title="Counter") as demo:
    gr.Markdown("# Counter\nEach visitor has their own count.")
    count = gr.State(0)
    shown = gr.Number(0, label="Count", interactive=False)
    add = gr.Button("Add one", variant="primary")
    add.click(add_one, count, [count, shown])

if __name__ == "__main__":
    demo.launch()
