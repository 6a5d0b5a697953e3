"""``gr.BrowserState``: a value kept in the visitor's browser. Save a name and reload the
page: it is still there, because it lives in ``localStorage``, not on the server."""

import limelight as gr


def save(name: str, names: list[str]) -> tuple[list[str], str]:
    names = [*names, name] if name else names
    return names, ", ".join(names)


with gr.Blocks(title="Browser state") as demo:
    gr.Markdown("# Saved names\nNames you save are kept in this browser.")
    names = gr.BrowserState([], storage_key="saved-names")
    name = gr.Textbox(label="Name")
    saved = gr.Textbox(label="Saved", interactive=False)
    gr.Button("Save").click(save, [name, names], [names, saved])
    demo.load(lambda stored: ", ".join(stored), names, saved)

if __name__ == "__main__":
    demo.launch()
