"""Gradio 6 validators: ``btn.click(fn, inputs, outputs, validator=check)``.

``check`` takes the same inputs as ``fn`` and returns ``gr.validate(is_valid, message)``
for each input (a list) or one for all. When any is invalid, ``fn`` does not run and the
user sees the messages, as an error naming each refused input.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from limelight.exceptions import Error

__all__ = ["ValidationFailed", "invalid_messages", "validate"]


def validate(is_valid: bool, message: str) -> dict[str, Any]:
    """The verdict of a validator on one input: whether it is valid and, if not, why."""
    return {"__type__": "validate", "is_valid": bool(is_valid), "message": message}


class ValidationFailed(Error):
    """A validator refused the inputs: shown to the user like ``gr.Error``."""

    def __init__(self, messages: list[str]) -> None:
        super().__init__("\n".join(messages), title="Invalid input", print_exception=False)
        self.messages = messages


def _is_verdict(value: Any) -> bool:
    return isinstance(value, dict) and value.get("__type__") == "validate"


def invalid_messages(result: Any, names: Sequence[str]) -> list[str]:
    """The messages of the refused inputs in a validator's ``result`` (empty: all valid);
    each names its input when the validator gives one verdict per input."""
    if _is_verdict(result):
        return [] if result.get("is_valid", True) else [str(result.get("message") or "")]
    if not isinstance(result, (list, tuple)):
        return []
    messages = []
    for i, verdict in enumerate(result):
        if _is_verdict(verdict) and not verdict.get("is_valid", True):
            name = names[i] if i < len(names) else f"input {i + 1}"
            messages.append(f"{name}: {verdict.get('message') or 'invalid'}")
    return messages
