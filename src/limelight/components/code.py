"""Code: source code shown with syntax highlighting, read-only or editable."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from typing_extensions import Unpack

from limelight.components.base import ComponentOptions, FormComponent, PayloadError

__all__ = ["LANGUAGES", "MORE_LANGUAGES", "Code"]

LANGUAGES = (
    "python",
    "c",
    "cpp",
    "markdown",
    "latex",
    "json",
    "html",
    "css",
    "javascript",
    "jinja2",
    "typescript",
    "yaml",
    "dockerfile",
    "shell",
    "r",
    "sql",
    "sql-msSQL",
    "sql-mySQL",
    "sql-mariaDB",
    "sql-sqlite",
    "sql-cassandra",
    "sql-plSQL",
    "sql-hive",
    "sql-pgSQL",
    "sql-gql",
    "sql-gpSQL",
    "sql-sparkSQL",
    "sql-esper",
)
"""The languages Gradio's ``Code`` accepts, in its order (apps offer them as choices, so
``/info`` lists them as Gradio does)."""
MORE_LANGUAGES = ("go", "rust", "java")
"""Languages limelight also highlights, beyond Gradio's list."""


class Code(FormComponent):
    """A code box with syntax highlighting for ``language``. Passes and takes the code as
    ``str``; as an output it also takes a ``(filepath,)`` tuple and shows that file.
    """

    languages: list[str | None] = [*LANGUAGES, None]
    """Gradio's ``Code.languages``: the languages it accepts, and None (plain text)."""
    TYPE = "code"

    def __init__(
        self,
        value: str | tuple[str] | Callable[..., Any] | None = None,
        language: str | None = None,
        *,
        lines: int = 5,
        max_lines: int | None = None,
        wrap_lines: bool = False,
        show_line_numbers: bool = True,
        autocomplete: bool = False,
        **options: Unpack[ComponentOptions],
    ) -> None:
        if language is not None and language not in (*LANGUAGES, *MORE_LANGUAGES):
            known = [*LANGUAGES, *MORE_LANGUAGES]
            raise ValueError(f"Unknown language {language!r}; choose one of {known}")
        self.language = language
        self.lines = lines
        self.max_lines = max_lines
        self.wrap_lines = wrap_lines
        self.show_line_numbers = show_line_numbers
        self.autocomplete = autocomplete
        super().__init__(value, **options)

    def preprocess(self, payload: Any) -> str | None:
        """The code as text."""
        if payload is None:
            return None
        if not isinstance(payload, str):
            raise PayloadError(f"Code expects a string, got {type(payload).__name__}")
        return payload

    def postprocess(self, value: Any) -> str | None:
        """The code; a one-item tuple is read as the path of a file to show."""
        if value is None:
            return None
        if isinstance(value, tuple) and len(value) == 1:
            return Path(str(value[0])).read_text(encoding="utf-8").strip()
        return str(value).strip()

    def api_info(self) -> dict[str, Any]:
        return {"type": "string"}

    def example_payload(self) -> str:
        return "print('Hello World')"

    def component_props(self) -> dict[str, Any]:
        return {
            "language": self.language,
            "lines": self.lines,
            "max_lines": self.max_lines,
            "wrap_lines": self.wrap_lines,
            "show_line_numbers": self.show_line_numbers,
            "autocomplete": self.autocomplete,
        }
