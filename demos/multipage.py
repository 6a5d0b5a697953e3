"""A multipage app: a greeting on the main page, a counter on its own page, a hidden page.

Each ``with demo.route(...)`` adds a page with its own blocks and listeners; the bar at the
top links the pages (``show_in_navbar=False`` leaves one out) and ``gr.Navbar`` renames the
main page and adds an outside link.
"""

import limelight as gr

with gr.Blocks(title="Multipage") as demo:
    gr.Navbar(
        value=[("Docs", "https://www.gradio.app/guides/multipage-apps")], main_page_name="Greet"
    )
    name = gr.Textbox(label="Name")
    greeting = gr.Textbox(label="Greeting")
    gr.Button("Greet").click(lambda n: f"Hello {n}!", name, greeting, api_name="greet")

with demo.route("Counter", "/counter"):
    count = gr.Number(value=0, label="Count")
    gr.Button("Add one").click(lambda n: n + 1, count, count, api_name="increment")

with demo.route("Secret", show_in_navbar=False) as secret:
    message = gr.Textbox(label="Message")
    secret.load(lambda: "You found the secret page", None, message)

if __name__ == "__main__":
    demo.launch()
