"""An app that is also an MCP server: each public endpoint becomes a tool, described by its
docstring and typed by its signature. Run it with ``python demos/mcp_letters.py``."""

import limelight as gr


def count_letters(word: str, letter: str) -> int:
    """Count how often a letter appears in a word.

    Args:
        word: the word to look in.
        letter: the letter to count.

    Returns:
        How many times the letter appears (case-insensitive).
    """
    return word.lower().count(letter.lower())


demo = gr.Interface(count_letters, ["text", "text"], "number", title="Letter counter")

if __name__ == "__main__":
    demo.launch(mcp_server=True)  # tools at http://127.0.0.1:7860/gradio_api/mcp/
