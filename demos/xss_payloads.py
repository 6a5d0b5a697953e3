"""Hostile strings shown by every text-rendering component; none of them may run script.

Used by tests/browser/test_xss.py (docs/security.md #23).
"""

import limelight as gr

PAYLOADS = [
    "<img src=x onerror=alert(1)>",
    "[x](javascript:alert(1))",
    '<a href="data:text/html,<script>alert(1)</script>">data link</a>',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    "<svg><foreignObject><img src=x onerror=alert(1)></foreignObject></svg>",
    "<style>@import 'javascript:alert(1)';</style>",
    '<link rel=stylesheet href="javascript:alert(1)">',
    "</script><script>alert(1)</script>",
    "'\"`;alert(1);//</textarea><img src=x onerror=alert(1)>",
    "$\\href{javascript:alert(1)}{x}$",
]
ALL = "\n\n".join(PAYLOADS)


TABLE = {"headers": PAYLOADS[:3], "data": [[p, p, p] for p in PAYLOADS]}
"""Every payload in a plain, a markdown and an html column; the headers are payloads too."""


def reveal() -> tuple[str, str, dict[str, float], list[tuple[str, str]], str, dict[str, object]]:
    return ALL, ALL, {p: 0.5 for p in PAYLOADS}, [(p, p) for p in PAYLOADS], ALL, TABLE


with gr.Blocks() as demo:
    markdown = gr.Markdown(ALL)
    html = gr.HTML(ALL)
    label = gr.Label({p: 0.1 for p in PAYLOADS}, label=PAYLOADS[0])
    highlighted = gr.HighlightedText([(p, p) for p in PAYLOADS], show_legend=True)
    gr.Textbox(label=PAYLOADS[0], info=PAYLOADS[8], placeholder=PAYLOADS[8])
    code = gr.Code(ALL, language="html")
    gr.Dataset(components=[gr.Textbox(render=False)], samples=[[p] for p in PAYLOADS])
    table = gr.Dataframe(TABLE, datatype=["str", "markdown", "html"], max_height=2000)
    gr.Button("Reveal", elem_id="reveal").click(
        reveal, None, [markdown, html, label, highlighted, code, table]
    )

if __name__ == "__main__":
    demo.launch()
