"""A translated app: labels, text, a button and choices in the visitor's language.

``i18n("key")`` marks a string for translation; ``launch(i18n=i18n)`` gives the page the
translations. The page shows the browser's language when the app has it (else English),
and the footer's Settings panel switches language while the page runs.
"""

import limelight as gr

i18n = gr.I18n(
    en={
        "app": "Translated app",
        "title": "# Welcome",
        "name": "Your name",
        "default_name": "Ada",
        "greet": "Greet",
        "greeting": "Greeting",
        "size": "Size",
        "small": "Small",
        "large": "Large",
    },
    fr={
        "app": "Application traduite",
        "title": "# Bienvenue",
        "name": "Votre nom",
        "default_name": "Adèle",
        "greet": "Saluer",
        "greeting": "Salutation",
        "size": "Taille",
        "small": "Petit",
        "large": "Grand",
    },
    de={
        "title": "# Willkommen",
        "name": "Dein Name",
        "greet": "Grüßen",
        "greeting": "Gruß",
    },
)

with gr.Blocks(title=i18n("app")) as demo:
    gr.Markdown(i18n("title"))
    name = gr.Textbox(label=i18n("name"), value=i18n("default_name"))
    size = gr.Radio(
        [(i18n("small"), "small"), (i18n("large"), "large")], value="small", label=i18n("size")
    )
    greeting = gr.Textbox(label=i18n("greeting"))
    gr.Button(i18n("greet")).click(
        lambda n, s: f"Hello {n}!" if s == "small" else f"HELLO {n.upper()}!",
        [name, size],
        greeting,
    )

if __name__ == "__main__":
    demo.launch(i18n=i18n)
