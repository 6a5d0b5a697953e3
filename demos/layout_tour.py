"""A tour of the layouts (Row, Column, Tabs, Accordion, Group) and the simpler components:
choices, numbers, a Label and a JSON output, and a button whose function changes other
components' properties with ``gr.update``."""

import limelight as gr

SIZES = ["small", "medium", "large"]
BIG_SIZES = ["huge", "enormous"]
ANIMALS = ["cat", "dog", "bird"]


def describe(
    animal: str, size: str, hungry: bool, age: float, weight: float | None, vaccinated: bool
) -> tuple[dict[str, float], dict[str, object]]:
    """A made-up classifier: the chosen animal is the most likely one."""
    others = [a for a in ANIMALS if a != animal]
    confidences = {animal: 0.7, others[0]: 0.2, others[1]: 0.1}
    details = {
        "animal": animal,
        "size": size,
        "hungry": hungry,
        "age": age,
        "weight": weight,
        "vaccinated": vaccinated,
    }
    return confidences, details


def make_room() -> tuple[dict[str, object], dict[str, object]]:
    """Hide the weight and offer bigger sizes."""
    return gr.update(visible=False), gr.update(choices=BIG_SIZES, value=BIG_SIZES[0])


with gr.Blocks(title="Layout tour") as demo:
    gr.Markdown("# Layout tour\nPick an animal, then look at the **Results** tab.")
    with gr.Tabs():
        with gr.Tab("Inputs"):
            with gr.Row():
                with gr.Column():
                    animal = gr.Radio(ANIMALS, value="cat", label="Animal")
                    size = gr.Dropdown(SIZES, value="small", label="Size")
                with gr.Column(), gr.Group():
                    hungry = gr.Checkbox(label="Hungry")
                    age = gr.Slider(0, 20, value=3, step=1, label="Age")
                    weight = gr.Number(4.5, label="Weight")
            with gr.Accordion("More options", open=False):
                vaccinated = gr.Checkbox(True, label="Vaccinated")
            with gr.Row():
                describe_btn = gr.Button("Describe", variant="primary")
                make_room_btn = gr.Button("Make room")
        with gr.Tab("Results"):
            prediction = gr.Label(label="Prediction")
            details = gr.JSON(label="Details")

    describe_btn.click(
        describe, [animal, size, hungry, age, weight, vaccinated], [prediction, details]
    )
    make_room_btn.click(make_room, None, [weight, size])

if __name__ == "__main__":
    demo.launch()
