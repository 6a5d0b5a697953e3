"""Textbox: single- or multi-line text in, text out."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any, Literal

from typing_extensions import Unpack

from limelight.components.base import ComponentOptions, FormComponent, PayloadError
from limelight.core.events import EventListener

__all__ = ["InputHTMLAttributes", "TextArea", "Textbox", "html_attributes_props"]


@dataclasses.dataclass
class InputHTMLAttributes:
    """HTML attributes for a text box's input element (``html_attributes=``); those left
    None keep the browser's default."""

    autocapitalize: Literal["off", "none", "on", "sentences", "words", "characters"] | None = None
    autocorrect: Literal["on", "off"] | None = None
    spellcheck: bool | None = None
    autocomplete: str | None = None
    tabindex: int | None = None
    enterkeyhint: Literal["enter", "done", "go", "next", "previous", "search", "send"] | None = None
    lang: str | None = None


def html_attributes_props(
    attributes: InputHTMLAttributes | dict[str, Any] | None,
) -> dict[str, Any] | None:
    """``html_attributes`` as the page gets it: every field of a ``gr.InputHTMLAttributes``
    (None for the unset ones), or a dict of attributes as given, as Gradio sends them."""
    if attributes is None or isinstance(attributes, dict):
        return attributes
    if not isinstance(attributes, InputHTMLAttributes):
        raise TypeError(f"html_attributes must be a gr.InputHTMLAttributes, got {attributes!r}")
    return dataclasses.asdict(attributes)


class Textbox(FormComponent):
    """A box for text. As an input it passes a ``str``; as an output it shows ``str(value)``.

    Fires ``submit`` when the user presses Enter in a single-line box (or clicks
    ``submit_btn``), and ``stop`` when the user clicks ``stop_btn``. ``buttons=["copy"]``
    adds a copy-to-clipboard button.
    """

    TYPE = "textbox"
    submit = EventListener("submit", "The user pressed Enter (or the submit button).")
    select = EventListener("select", "The user selected some text.")
    stop = EventListener("stop", "The user clicked the stop button.")
    copy = EventListener("copy", "The user copied the text with the copy button.")

    def __init__(
        self,
        value: str | Callable[..., Any] | None = None,
        *,
        type: Literal["text", "password", "email"] = "text",
        lines: int = 1,
        max_lines: int | None = None,
        placeholder: str | None = None,
        autofocus: bool = False,
        autoscroll: bool = True,
        rtl: bool = False,
        max_length: int | None = None,
        submit_btn: str | bool = False,
        stop_btn: str | bool = False,
        text_align: Literal["left", "right"] | None = None,
        html_attributes: InputHTMLAttributes | dict[str, Any] | None = None,
        **options: Unpack[ComponentOptions],
    ) -> None:
        self.type = type
        self.lines = lines
        self.max_lines = max_lines
        self.placeholder = placeholder
        self.autofocus = autofocus
        self.autoscroll = autoscroll
        self.rtl = rtl
        self.max_length = max_length
        self.submit_btn = submit_btn
        self.stop_btn = stop_btn
        self.text_align = text_align
        self.html_attributes = html_attributes
        super().__init__(value, **options)

    def preprocess(self, payload: Any) -> str | None:
        """Text from the client; numbers are accepted and turned into text."""
        if payload is None:
            return None
        if isinstance(payload, (dict, list)):
            raise PayloadError(f"Textbox expects a string, got {type(payload).__name__}")
        text = str(payload)
        if self.max_length is not None and len(text) > self.max_length:
            raise PayloadError(f"Text is longer than max_length={self.max_length}")
        return text

    def postprocess(self, value: Any) -> str | None:
        """Any value is shown as its text; None clears the box."""
        return None if value is None else str(value)

    def api_info(self) -> dict[str, Any]:
        return {"type": "string"}

    def example_payload(self) -> str:
        return "Hello!!"

    def component_props(self) -> dict[str, Any]:
        return {
            "text_align": self.text_align,
            "html_attributes": html_attributes_props(self.html_attributes),
            "type": self.type,
            "lines": self.lines,
            "max_lines": self.max_lines,
            "placeholder": self.placeholder,
            "autofocus": self.autofocus,
            "autoscroll": self.autoscroll,
            "rtl": self.rtl,
            "max_length": self.max_length,
            "submit_btn": self.submit_btn,
            "stop_btn": self.stop_btn,
        }


class TextArea(Textbox):
    """Gradio's multi-line ``Textbox``: seven lines tall, growing to twenty, unless ``lines``
    and ``max_lines`` say otherwise."""

    def __init__(
        self, value: Any = None, *, lines: int = 7, max_lines: int | None = 20, **kwargs: Any
    ) -> None:
        super().__init__(value, lines=lines, max_lines=max_lines, **kwargs)
