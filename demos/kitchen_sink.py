"""Every component limelight has (besides media and chat), in tabs, rows and an accordion.

Run it with `limelight run demos/kitchen_sink.py`; add `?__theme=dark` to the URL for the
dark scheme. The browser tests screenshot it in both schemes.
"""

import limelight as gr

CHOICES = ["apple", "banana", "cherry"]
MARKDOWN = """
## Markdown
**Bold**, *italic*, `code`, a [link](https://example.org) and a table:

| a | b |
|---|---|
| 1 | 2 |

Math: $e^{i\\pi} + 1 = 0$

```python
def square(x):
    return x * x
```
"""


def echo(*values: object) -> str:
    return " | ".join(str(v) for v in values)


with gr.Blocks(title="Kitchen sink") as demo:
    with gr.Sidebar(label="Sidebar", open=False):
        gr.Markdown("Things at the side.")
    gr.Markdown("# Kitchen sink", elem_id="title")
    with gr.Tabs():
        with gr.Tab("Inputs", id="inputs"):
            with gr.Row(equal_height=True):
                text = gr.Textbox(
                    label="Textbox", placeholder="Type here", buttons=["copy"], submit_btn=True
                )
                password = gr.Textbox(label="Password", type="password")
                number = gr.Number(3, label="Number", minimum=0, maximum=10)
            with gr.Row():
                slider = gr.Slider(0, 10, value=4, label="Slider")
                checkbox = gr.Checkbox(True, label="Checkbox")
                radio = gr.Radio(CHOICES, value="apple", label="Radio")
            with gr.Row():
                group = gr.CheckboxGroup(CHOICES, value=["banana"], label="CheckboxGroup")
                dropdown = gr.Dropdown(CHOICES, label="Dropdown")
                multi = gr.Dropdown(CHOICES, value=["apple"], multiselect=True, label="Multi")
            with gr.Row():
                colour = gr.ColorPicker("#4d7c0f", label="ColorPicker")
                when = gr.DateTime("2024-01-31 12:00:00", label="DateTime")
            code = gr.Code("def f(x):\n    return x + 1\n", language="python", label="Code")
            with gr.Row():
                run = gr.Button("Run", variant="primary")
                gr.Button("Stop", variant="stop")
                gr.Button("Secondary")
                gr.ClearButton([text, number], value="Clear")
            summary = gr.Textbox(label="Summary", lines=3)
            run.click(
                echo,
                [text, number, slider, checkbox, radio, group, dropdown, multi, colour, when],
                summary,
            )
            gr.Examples([["hello", 1], ["world", 2]], [text, number])
        with gr.Tab("Outputs", id="outputs"):
            gr.Markdown(MARKDOWN, header_links=True)
            gr.HTML("<p style='color: teal'>Some <b>HTML</b></p>")
            gr.Label({"cat": 0.7, "dog": 0.2, "bird": 0.1}, label="Label")
            gr.HighlightedText(
                [("The ", None), ("quick", "ADJ"), (" fox ", None), ("jumps", "VERB")],
                label="HighlightedText",
                show_legend=True,
            )
            gr.JSON({"a": [1, 2, 3], "b": {"c": None}}, label="JSON")
    with gr.Accordion("Accordion", open=True):
        gr.Markdown("Inside an accordion.")
    gr.Timer(60, active=False)
    gr.State(0)

if __name__ == "__main__":
    demo.launch()
