"""Reading Google-style docstrings for MCP descriptions."""

from __future__ import annotations

from limelight.mcp.docstrings import read_docstring


def documented(word: str, letter: str, flag: bool = False) -> int:
    """
    Count the letters
    of a word.

    Args:
        word (str): The text to search,
            over two lines
        letter: The letter
        **flag: Unused

    Returns:
        int: the count

    Raises:
        ValueError: never
    """
    return 0


def test_the_summary_the_arguments_and_the_returns_are_read() -> None:
    doc = read_docstring(documented)
    assert doc.summary == "Count the letters of a word."
    assert doc.arguments == {
        "word": "The text to search, over two lines",
        "letter": "The letter",
        "flag": "Unused",
    }
    assert doc.returns == ["int: the count"]


def test_a_function_without_a_docstring_has_an_empty_one() -> None:
    doc = read_docstring(lambda x: x)
    assert (doc.summary, doc.arguments, doc.returns) == ("", {}, [])
