"""``js=``: JavaScript that runs in the browser. One button reverses text without calling
the server; another adds "!" in the browser before Python upper-cases it; the page's own
script (``gr.Blocks(js=...)``) and ``head=`` run when it loads. ``js=True`` runs a Python
function that only updates properties in the browser (Gradio's client-side functions):
"Freeze" locks the text box and hides its own row without a round trip."""

import limelight as gr

PAGE_JS = "() => { document.body.dataset.greeted = 'yes'; }"
HEAD = '<meta name="limelight-demo" content="js functions">'

with gr.Blocks(title="JavaScript", js=PAGE_JS, head=HEAD) as demo:
    gr.Markdown("# JavaScript in the page")
    text = gr.Textbox(label="Text", value="limelight")
    result = gr.Textbox(label="Result")
    loaded = gr.Textbox(label="Loaded by")
    with gr.Row():
        reverse = gr.Button("Reverse in the browser")
        shout = gr.Button("Shout")
        broken = gr.Button("Broken script")
    reverse.click(None, text, result, js="(t) => t.split('').reverse().join('')")
    shout.click(str.upper, text, result, js="(t) => t + '!'")
    broken.click(None, text, result, js="(t) => { throw new Error('broken on purpose'); }")
    demo.load(None, None, loaded, js="() => 'the browser'")
    with gr.Row() as freeze_row:
        freeze = gr.Button("Freeze")
    freeze.click(
        lambda: [gr.Textbox(interactive=False), gr.Row(visible=False)],
        None,
        [text, freeze_row],
        js=True,
    )

if __name__ == "__main__":
    demo.launch()
