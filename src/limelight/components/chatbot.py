"""Chatbot: a conversation of user and assistant messages, streamed one token at a time."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Literal, TypedDict

from typing_extensions import NotRequired, Unpack

from limelight.chat.message import (
    ChatMessage,
    MessageMemo,
    MetadataDict,
    OptionDict,
    message_payloads,
    parse_messages,
)
from limelight.chat.reasoning import split_reasoning
from limelight.components.base import ComponentOptions, PayloadError
from limelight.components.filebase import FileComponent, to_file_data
from limelight.core.block import Block
from limelight.core.events import EventListener
from limelight.files.processing import FileContext
from limelight.protocol import ChatMessageData

__all__ = ["Chatbot", "Message", "MessageDict"]

DEFAULT_LATEX = [{"left": "$$", "right": "$$", "display": True}]


def _flag(name: str) -> Callable[[Block], None]:
    """A hook that sets ``name`` on the block once a listener handles the event."""

    def set_flag(block: Block) -> None:
        setattr(block, name, True)

    return set_flag


def _keys_may_be_left_out(schema: dict[str, Any]) -> dict[str, Any]:
    """``schema`` with its optional keys described by their type alone (``title: str``, not
    ``str | None``): as Gradio describes them, a key is left out rather than set to null."""
    props = {}
    for key, prop in schema.get("properties", {}).items():
        variants = [v for v in prop.get("anyOf", []) if v.get("type") != "null"]
        if key not in schema.get("required", []) and len(variants) == 1:
            prop = {**{k: v for k, v in prop.items() if k != "anyOf"}, **variants[0]}
        elif key not in schema.get("required", []) and variants:
            prop = {**prop, "anyOf": variants}
        props[key] = prop
    return {**schema, "properties": props}


Message = ChatMessage
"""Gradio's name for a chat message object (``gr.ChatMessage``)."""


class MessageDict(TypedDict):
    """A chat message as a dict: ``{"role": "user", "content": "Hello"}``."""

    role: Literal["user", "assistant", "system"]
    content: Any
    metadata: NotRequired[MetadataDict]
    options: NotRequired[list[OptionDict]]


class Chatbot(FileComponent):
    """Shows a conversation: a list of ``{"role", "content"}`` dicts or ``gr.ChatMessage``.

    Content may be Markdown text (with code blocks and LaTeX), files, components, or a list
    of those. Messages with ``metadata={"title": ...}`` are drawn as collapsible steps
    ("thinking", tool calls), nested by ``id``/``parent_id``. As an input it passes the
    conversation as a list of dicts whose ``content`` is a list of parts
    (``[{"type": "text", "text": ...}]``); as an output it accepts all the forms above.

    Like, retry, undo and edit controls appear once a listener handles those events.
    """

    TYPE = "chatbot"
    NOT_TAKEN = frozenset({"info", "interactive"})
    select = EventListener("select", "The user clicked a message.")
    like = EventListener("like", "The user liked or disliked a message.", _flag("likeable"))
    retry = EventListener("retry", "The user asked to regenerate a reply.", _flag("_retryable"))
    undo = EventListener("undo", "The user undid their last message.", _flag("_undoable"))
    example_select = EventListener("example_select", "The user clicked an example prompt.")
    option_select = EventListener("option_select", "The user clicked a suggested reply.")
    clear = EventListener("clear", "The user cleared the conversation.")
    copy = EventListener("copy", "The user copied a message.")
    edit = EventListener("edit", "The user edited a message.")

    def __init__(
        self,
        value: Sequence[Any] | Callable[..., Any] | None = None,
        *,
        height: int | str | None = 400,
        resizable: bool = False,
        max_height: int | str | None = None,
        min_height: int | str | None = None,
        autoscroll: bool = True,
        editable: Literal["user", "all"] | None = None,
        latex_delimiters: list[dict[str, str | bool]] | None = None,
        rtl: bool = False,
        watermark: str | None = None,
        avatar_images: tuple[str | None, str | None] | None = None,
        sanitize_html: bool = True,
        render_markdown: bool = True,
        feedback_options: Sequence[str] | None = ("Like", "Dislike"),
        feedback_value: Sequence[str | None] | None = None,
        line_breaks: bool = True,
        layout: Literal["panel", "bubble"] | None = None,
        placeholder: str | None = None,
        examples: list[dict[str, Any]] | None = None,
        allow_file_downloads: bool = True,
        group_consecutive_messages: bool = True,
        allow_tags: list[str] | bool = True,
        like_user_message: bool = False,
        reasoning_tags: list[tuple[str, str]] | None = None,
        **options: Unpack[ComponentOptions],
    ) -> None:
        self.height = height
        self.resizable = resizable
        self.max_height = max_height
        self.min_height = min_height
        self.autoscroll = autoscroll
        self.editable = editable
        self.latex_delimiters = DEFAULT_LATEX if latex_delimiters is None else latex_delimiters
        self.rtl = rtl
        self.watermark = watermark
        self.avatar_images = list(avatar_images) if avatar_images else [None, None]
        self.sanitize_html = sanitize_html
        self.render_markdown = render_markdown
        self.feedback_options = list(feedback_options) if feedback_options else None
        self.feedback_value = list(feedback_value) if feedback_value else None
        self.line_breaks = line_breaks
        self.layout = layout
        self.placeholder = placeholder
        self.examples = examples
        self.allow_file_downloads = allow_file_downloads
        self.group_consecutive_messages = group_consecutive_messages
        self.allow_tags = allow_tags
        self.like_user_message = like_user_message
        self.reasoning_tags = [(opening, closing) for opening, closing in reasoning_tags or []]
        self.likeable = False
        self._retryable = False
        self._undoable = False
        self.save_history_key: str | None = None
        super().__init__(value, **options)
        if self.buttons is None:
            self.buttons = ["share", "copy", "copy_all"]

    def preprocess_with(self, payload: Any, files: FileContext) -> list[dict[str, Any]]:
        """The conversation as a list of ``{"role", "metadata", "content", "options"}`` dicts,
        ``content`` being a list of ``{"type": "text", "text": ...}`` (or file) parts. A file
        part's path is checked against the store's rules and made local."""
        messages = self._parse(payload)
        for message in messages:
            for part in message["content"]:
                if part["type"] == "file":
                    part["file"]["path"] = str(files.input_path(part["file"]))
        return messages

    def postprocess_with(self, value: Any, files: FileContext) -> list[dict[str, Any]]:
        """Dicts, ``ChatMessage`` objects or None; raises a visible error for other shapes.
        Files in messages are put into the file store (refused outside allowed places)."""

        return self._payloads(value, files, None)

    def postprocess_streamed(
        self, value: Any, files: FileContext, memo: dict[Any, Any]
    ) -> list[dict[str, Any]]:
        """A message the generator yielded last time too, unchanged, keeps its wire form
        (the same dict), so the yield costs the messages that changed (and the diff
        after it skips the others by identity)."""
        return self._payloads(value, files, memo)

    def _payloads(
        self, value: Any, files: FileContext, memo: MessageMemo | None
    ) -> list[dict[str, Any]]:
        def store(data: dict[str, Any]) -> dict[str, Any]:
            stored = to_file_data(data, files, data.get("orig_name"))
            return stored.model_dump() if stored is not None else data

        messages = message_payloads(value, store, memo)
        return split_reasoning(messages, self.reasoning_tags) if self.reasoning_tags else messages

    def check_payload(self, payload: Any) -> None:
        """The shape only (files are checked when the event runs)."""
        self._parse(payload)

    @staticmethod
    def _parse(payload: Any) -> list[dict[str, Any]]:
        try:
            return parse_messages(payload)
        except ValueError as exc:
            raise PayloadError(str(exc)) from None

    def api_info(self) -> dict[str, Any]:
        schema = ChatMessageData.model_json_schema()
        defs = schema.pop("$defs", {})
        for name in ("ChatMetadata", "ChatOption"):
            defs[name] = _keys_may_be_left_out(defs[name])
        return {
            "$defs": {**defs, "ChatMessageData": schema},
            "items": {"$ref": "#/$defs/ChatMessageData"},
            "title": "ChatbotDataMessages",
            "type": "array",
        }

    def example_payload(self) -> list[dict[str, Any]]:
        return message_payloads(
            [
                {"role": "user", "content": "Hello!"},
                {"role": "assistant", "content": "How can I help you?"},
            ]
        )

    def component_props(self) -> dict[str, Any]:
        return {
            "height": self.height,
            "resizable": self.resizable,
            "max_height": self.max_height,
            "min_height": self.min_height,
            "autoscroll": self.autoscroll,
            "editable": self.editable,
            "latex_delimiters": self.latex_delimiters,
            "rtl": self.rtl,
            "watermark": self.watermark,
            "avatar_images": self.avatar_images,
            "sanitize_html": self.sanitize_html,
            "render_markdown": self.render_markdown,
            "feedback_options": self.feedback_options,
            "feedback_value": self.feedback_value,
            "line_breaks": self.line_breaks,
            "layout": self.layout,
            "placeholder": self.placeholder,
            "examples": self.examples,
            "allow_file_downloads": self.allow_file_downloads,
            "group_consecutive_messages": self.group_consecutive_messages,
            "allow_tags": self.allow_tags,
            "reasoning_tags": self.reasoning_tags or None,
            "like_user_message": self.like_user_message,
            "likeable": self.likeable,
            "_retryable": self._retryable,
            "_undoable": self._undoable,
            "save_history_key": self.save_history_key,
        }
