"""A tour of a theme: form controls, buttons, a table and an output label. ``THEME`` (an
environment variable) names the ready-made theme to use; without it, limelight's own look."""

import os

import limelight as gr

with gr.Blocks(theme=os.environ.get("THEME") or None, title="Themes") as demo:
    gr.Markdown("# Themes\nEvery control below is styled by the theme's variables.")
    with gr.Row():
        with gr.Column():
            name = gr.Textbox(label="Name", info="Who to greet", placeholder="Ada")
            count = gr.Slider(1, 10, value=3, step=1, label="Times")
            shout = gr.Checkbox(label="Shout", value=True)
            style = gr.Radio(["plain", "fancy"], value="fancy", label="Style")
            extras = gr.CheckboxGroup(["emoji", "date"], value=["emoji"], label="Extras")
            with gr.Row():
                gr.Button("Clear", variant="secondary")
                gr.Button("Stop", variant="stop")
                go = gr.Button("Greet", variant="primary")
        with gr.Column():
            greeting = gr.Textbox(label="Greeting")
            gr.Label({"happy": 0.7, "calm": 0.3}, label="Mood")
            gr.Dataframe([[1, "a"], [2, "b"], [3, "c"]], headers=["n", "letter"], label="Table")
            with gr.Accordion("More", open=False):
                gr.Markdown("Hidden until opened.")

    def greet(name: str, count: int, shout: bool, style: str, extras: list[str]) -> str:
        text = " ".join([f"Hello {name or 'there'}!"] * int(count))
        return text.upper() if shout else text

    go.click(greet, [name, count, shout, style, extras], greeting)

if __name__ == "__main__":
    demo.launch()
