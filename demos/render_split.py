"""``@gr.render``: the page redraws part of itself from what you type. Each letter gets a row
with its own textbox and a button that upper-cases it; a letter's textbox keeps what you
typed into it (its ``key``) when the rows are drawn again."""

import limelight as gr

with gr.Blocks(title="Render") as demo:
    gr.Markdown("# Letters\nType a word: each letter gets its own row.")
    text = gr.Textbox(label="Word")

    @gr.render(inputs=text)
    def letters(word: str) -> None:
        if not word:
            gr.Markdown("No input provided.")
            return
        for i, letter in enumerate(word):
            with gr.Row():
                box = gr.Textbox(letter, label=f"Letter {i + 1}", key=f"letter-{i}")
                upper = gr.Button(f"Upper {i + 1}")
                upper.click(str.upper, box, box)


if __name__ == "__main__":
    demo.launch()
