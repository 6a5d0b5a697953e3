"""Interactive components wired to functions: used by the browser tests of each component."""

import limelight as gr

CHOICES = ["apple", "banana", "cherry"]

with gr.Blocks() as demo:
    group = gr.CheckboxGroup(CHOICES, label="Fruit", elem_id="group")
    colour = gr.ColorPicker("#112233", label="Colour", elem_id="colour")
    when = gr.DateTime("2024-01-31 12:00:00", label="When", type="string", elem_id="when")
    code = gr.Code("x = 1", language="python", label="Source", elem_id="code", interactive=True)
    out = gr.Textbox(label="Out", elem_id="out")
    group.change(lambda v: ",".join(v), group, out)
    colour.change(lambda v: f"colour {v}", colour, out)
    when.change(lambda v: f"when {v}", when, out)
    code.change(lambda v: f"code {len(v)}", code, out)

    with gr.Accordion("Details", open=False, elem_id="acc") as accordion:
        gr.Markdown("hidden details")
    accordion.expand(lambda: "expanded", None, out)
    accordion.collapse(lambda: "collapsed", None, out)

    with gr.Tabs(elem_id="tabs") as tabs:
        with gr.Tab("One", id="one"):
            gr.Markdown("first tab")
        with gr.Tab("Two", id="two"):
            gr.Markdown("second tab")
    tabs.change(lambda: "tab changed", None, out)

    updater = gr.Button("Update", elem_id="update")
    target = gr.Textbox("old", label="Target", elem_id="target")
    updater.click(
        lambda: gr.update(label="New label", placeholder="typed", value="new", interactive=False),
        None,
        target,
    )
    hider = gr.Button("Hide", elem_id="hide")
    hider.click(lambda: gr.Textbox(visible=False), None, target)

    chooser = gr.Dropdown(["a", "b"], label="Choices", elem_id="chooser")
    refill = gr.Button("Refill", elem_id="refill")
    refill.click(lambda: gr.update(choices=["x", "y", "z"], value="z"), None, chooser)

    ticks = gr.Number(0, label="Ticks", elem_id="ticks")
    timer = gr.Timer(0.2)
    timer.tick(lambda n: (n or 0) + 1, ticks, ticks)
    stopper = gr.Button("Stop timer", elem_id="stop-timer")
    stopper.click(lambda: gr.Timer(active=False), None, timer)

    name = gr.Textbox(label="Name", elem_id="name")
    greeting = gr.Textbox(label="Greeting", elem_id="greeting")
    gr.Examples(["Ada", "Bob"], name, greeting, fn=lambda n: f"Hi {n}", run_on_click=True)

if __name__ == "__main__":
    demo.launch()
