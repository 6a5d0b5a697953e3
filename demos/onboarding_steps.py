"""A three-step walkthrough: pick project files from this folder, write a note, and review.
Also an API endpoint without a UI (``gr.api``) that counts words, typed from its hints."""

from pathlib import Path

import limelight as gr

HERE = Path(__file__).resolve().parent


def count_words(text: str, minimum_length: int = 1) -> int:
    """Counts the words of at least ``minimum_length`` letters in ``text``."""
    return sum(1 for word in text.split() if len(word) >= minimum_length)


def review(paths: list[str], note: str) -> str:
    names = ", ".join(Path(p).name for p in paths) or "no files"
    return f"{note or 'No note'} ({names})"


with gr.Blocks(title="Onboarding") as demo:
    with gr.Walkthrough(selected=0) as steps:
        with gr.Step("Files", id=0):
            files = gr.FileExplorer("*.py", root_dir=HERE, label="Demo files")
            to_note = gr.Button("Next")
        with gr.Step("Note", id=1):
            note = gr.Textbox(label="Note")
            to_review = gr.Button("Review")
        with gr.Step("Review", id=2):
            summary = gr.Textbox(label="Summary")
    to_note.click(lambda: gr.Walkthrough(selected=1), None, steps)
    to_review.click(review, [files, note], summary).then(
        lambda: gr.Walkthrough(selected=2), None, steps
    )
    gr.api(count_words)

if __name__ == "__main__":
    demo.launch()
