"""Dialogue: a conversation of several speakers, one line per turn, edited or shown."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

from typing_extensions import Unpack

from limelight.components.base import Component, ComponentOptions, PayloadError
from limelight.core.events import EventListener

__all__ = ["Dialogue"]

Line = dict[str, str]
TAGS_HINT = "Type colon (:) in the dialogue line to see the available tags"

_LINE_SCHEMA = {
    "properties": {
        "speaker": {"title": "Speaker", "type": "string"},
        "text": {"title": "Text", "type": "string"},
    },
    "required": ["speaker", "text"],
    "title": "DialogueLine",
    "type": "object",
}


class Dialogue(Component):
    """Lines of ``{"speaker", "text"}``, shown as a transcript or edited line by line (each
    with a speaker from ``speakers``), or as plain text (``ui_mode``).

    As an input it passes the dialogue as one string, each line made by ``formatter(speaker,
    text)`` (``"[speaker] text"`` by default) and joined by ``separator``, or as the list of
    lines with ``type="list"``. ``unformatter(line, default_speaker)`` reads text typed in
    the text view back into lines. Typing ``:`` in a line offers ``tags``; ``submit`` fires
    on Enter or the ``submit_btn``. ``label`` defaults to "Dialogue".
    """

    TYPE = "dialogue"
    input = EventListener("input", "The user edited the dialogue.")
    submit = EventListener("submit", "The user pressed Enter (or the submit button).")

    def __init__(
        self,
        value: list[Line] | str | Callable[..., Any] | None = None,
        *,
        type: Literal["list", "text"] = "text",
        speakers: list[str] | None = None,
        formatter: Callable[[str, str], str] | None = None,
        unformatter: Callable[[str, str], Line] | None = None,
        tags: list[str] | None = None,
        separator: str = "\n",
        color_map: dict[str, str] | None = None,
        placeholder: str | None = None,
        autofocus: bool = False,
        autoscroll: bool = True,
        max_lines: int | None = None,
        submit_btn: str | bool | None = False,
        ui_mode: Literal["dialogue", "text", "both"] = "both",
        **options: Unpack[ComponentOptions],
    ) -> None:
        if separator == " ":
            raise ValueError("separator cannot be a space: it would split every line")
        self.type = type
        self.speakers = speakers
        self.formatter = formatter
        self.unformatter = unformatter
        self.tags = list(tags or [])
        self.separator = separator
        self.color_map = color_map
        self.placeholder = placeholder
        self.autofocus = autofocus
        self.autoscroll = autoscroll
        self.max_lines = max_lines
        self.submit_btn = submit_btn
        self.ui_mode = ui_mode
        options.setdefault("label", "Dialogue")
        # As in Gradio, the hint about tags (the default ``info``) shows only where the user
        # can type.
        options["info"] = options.get("info", TAGS_HINT) if options.get("interactive") else None
        super().__init__(value, **options)

    @property
    def server_fns(self) -> dict[str, Callable[..., Any]]:
        """What the page calls to switch views: ``format`` (lines to text) and
        ``unformat`` (``{"text": ...}`` to lines), with this dialogue's own functions."""
        return {"format": self.format, "unformat": self.unformat}

    def preprocess(self, payload: Any) -> str | list[Line] | None:
        """The dialogue as text (or as the list of lines with ``type="list"``); text typed
        in the text view passes as it is."""
        if payload is None:
            return None
        dialogue = _dialogue(payload)
        if self.type == "list":
            return dialogue
        return self.format(dialogue)

    def format(self, value: list[Line] | str) -> str:
        """The dialogue as one string: each line formatted, joined by ``separator``."""
        dialogue = _dialogue(value)
        if isinstance(dialogue, str):
            return dialogue
        if len(dialogue) == 1 and dialogue[0]["text"] == "":
            return ""
        formatter = self.formatter or _default_format
        return self.separator.join(formatter(line["speaker"], line["text"]) for line in dialogue)

    def unformat(self, payload: dict[str, Any]) -> list[Line]:
        """The lines of ``payload["text"]``, split at ``separator``; a line without its
        speaker gets the first of ``speakers``."""
        text = payload.get("text") if isinstance(payload, dict) else None
        if not isinstance(text, str):
            raise PayloadError('unformat expects {"text": "..."}')
        default_speaker = self.speakers[0] if self.speakers else "Unknown"
        unformatter = self.unformatter or _default_unformat
        lines = [unformatter(raw.strip(), default_speaker) for raw in text.split(self.separator)]
        return [line for line in lines if line["speaker"] or line["text"]]

    def postprocess(self, value: list[Line] | str | None) -> list[Line] | str | None:
        """A list of ``{"speaker", "text"}`` dicts, or a string shown as it is."""
        if value is None:
            return None
        return _dialogue(value)

    def api_info(self) -> dict[str, Any]:
        return {
            "$defs": {"DialogueLine": _LINE_SCHEMA},
            "anyOf": [
                {"items": {"$ref": "#/$defs/DialogueLine"}, "type": "array"},
                {"type": "string"},
            ],
            "title": "DialogueModel",
        }

    def example_payload(self) -> list[Line]:
        return [
            {"speaker": "Speaker 1", "text": "Hello, how are you?"},
            {"speaker": "Speaker 2", "text": "I'm fine, thank you!"},
        ]

    def component_props(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "speakers": self.speakers,
            "tags": self.tags,
            "separator": self.separator,
            "color_map": self.color_map,
            "placeholder": self.placeholder,
            "autofocus": self.autofocus,
            "autoscroll": self.autoscroll,
            "max_lines": self.max_lines,
            "submit_btn": self.submit_btn,
            "ui_mode": self.ui_mode,
            "server_fns": ["format", "unformat"],
        }


def _dialogue(value: Any) -> list[Line] | str:
    """``value`` checked: a string, or a list of lines with string speaker and text."""
    if isinstance(value, str):
        return value
    if not isinstance(value, list):
        raise PayloadError(f"Dialogue expects a list of lines or a string, got {value!r}")
    lines: list[Line] = []
    for line in value:
        if not isinstance(line, dict) or not all(
            isinstance(line.get(k), str) for k in ("speaker", "text")
        ):
            raise PayloadError(f"A dialogue line needs string 'speaker' and 'text': {line!r}")
        lines.append({"speaker": line["speaker"], "text": line["text"]})
    return lines


def _default_format(speaker: str, text: str) -> str:
    return f"[{speaker}] {text}"


def _default_unformat(line: str, default_speaker: str) -> Line:
    """``"[speaker] text"`` back into its parts; other lines go to ``default_speaker``."""
    if line.startswith("[") and "]" in line:
        end = line.index("]")
        return {"speaker": line[1:end], "text": line[end + 1 :].strip()}
    return {"speaker": default_speaker if line else "", "text": line}
