"""Code: source text with a language."""

from __future__ import annotations

from pathlib import Path

import pytest

import limelight as gr
from limelight.components import PayloadError


def test_language_and_options_in_props() -> None:
    props = gr.Code("x = 1", language="python", lines=3, wrap_lines=True).config()["props"]
    assert props["language"] == "python"
    assert props["lines"] == 3
    assert props["wrap_lines"] is True
    assert props["value"] == "x = 1"


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="Unknown language"):
        gr.Code(language="klingon")


def test_a_one_tuple_is_a_file_to_show(tmp_path: Path) -> None:
    source = tmp_path / "a.py"
    source.write_text("print(1)\n", encoding="utf-8")
    assert gr.Code().postprocess((str(source),)) == "print(1)"


def test_non_text_payload_is_refused() -> None:
    with pytest.raises(PayloadError, match="Code expects a string"):
        gr.Code().preprocess({"x": 1})


def test_languages_are_gradios_list_in_its_order() -> None:
    languages = gr.Code.languages
    assert languages[:5] == ["python", "c", "cpp", "markdown", "latex"]
    assert languages[-2:] == ["sql-esper", None]
    assert gr.Code(language="rust", render=False).language == "rust"
