"""Custom components with gr.HTML: a star rating drawn from a template (inline SVG stars),
props updated from Python, a custom event with data, a server function and children.

Run with ``limelight run demos/html_star_rating.py``.
"""

from __future__ import annotations

import limelight as gr

STAR = (
    "<svg class='star ${i < value ? \"\" : \"faded\"}' data-index='${i}' viewBox='0 0 24 24' "
    "width='${size}' height='${size}'><path fill='gold' d='M12 2l3 7h7l-5.5 4.5 2 7.5-6.5-4.5"
    "-6.5 4.5 2-7.5L2 9h7z'/></svg>"
)


def word_count(text: str) -> int:
    """Called from the browser as ``await server.word_count(text)``."""
    return len(str(text).split())


with gr.Blocks() as demo:
    rating = gr.HTML(
        3,
        size=40,
        max_stars=5,
        html_template=(
            "<h2>${label}: ${value} / ${max_stars}</h2>"
            "${Array.from({length: max_stars}, (_, i) => `" + STAR + "`).join('')}"
            "<button class='submit'>Submit rating</button>"
        ),
        css_template=".star { cursor: pointer; } .faded { opacity: 0.3; }",
        js_on_load="""
            element.addEventListener('click', (event) => {
                const star = event.target.closest('.star');
                if (star) props.value = Number(star.dataset.index) + 1;
                if (event.target.closest('.submit')) trigger('submit');
            });
        """,
        label="Rating",
        elem_id="rating",
    )
    size = gr.Slider(20, 80, value=40, step=1, label="Star size")
    submitted = gr.Textbox(label="Submitted rating", elem_id="submitted")
    size.change(lambda s: gr.HTML(size=s), size, rating)
    rating.submit(lambda v: str(v), rating, submitted)

    fruits = gr.HTML(
        ["apple", "banana", "cherry"],
        html_template=(
            "<p>${value.length} fruits</p><ul>{{#each value}}<li>{{@index}}: {{this}}</li>"
            "{{else}}<li>none</li>{{/each}}</ul>"
        ),
        elem_id="fruits",
    )

    keys = gr.HTML(
        "<p>Press a key, or type and count words</p>",
        html_template="${value}<input class='text'><button class='count'>Count</button>"
        "<span class='words'></span>",
        js_on_load="""
            element.querySelector('.text').addEventListener('keydown', (e) => {
                trigger('keypress', {key: e.key});
            });
            element.querySelector('.count').addEventListener('click', async () => {
                const n = await server.word_count(element.querySelector('.text').value);
                element.querySelector('.words').textContent = n + ' words';
            });
        """,
        server_functions=[word_count],
        elem_id="keys",
    )
    pressed = gr.Textbox(label="Key pressed", elem_id="pressed")

    def show_key(evt: gr.EventData) -> str:
        return str(evt.key)

    keys.keypress(show_key, None, pressed)

    with gr.HTML(
        html_template="<h3>${title}</h3>@children<button class='send'>Send</button>",
        css_template="border: 1px solid gray; border-radius: 8px; padding: 8px;",
        js_on_load=(
            "element.querySelector('.send').addEventListener('click', () => trigger('submit'));"
        ),
        title="Contact",
        elem_id="form",
    ) as form:
        name = gr.Textbox(label="Name", elem_id="name")
    greeting = gr.Textbox(label="Greeting", elem_id="greeting")
    form.submit(lambda n: f"Hello {n}", name, greeting)

if __name__ == "__main__":
    demo.launch()
