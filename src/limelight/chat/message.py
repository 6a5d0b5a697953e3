"""Chat messages: ``gr.ChatMessage`` and the wire form of a conversation.

A function may return a conversation as dicts (``{"role": "user", "content": "Hi"}``) or
``ChatMessage`` objects, with content given as text, a file (``{"path": ...}`` or a
``(path, alt_text)`` tuple), a component instance, or a list of those. On the wire every
message has the same shape (``protocol.ChatMessageData``): ``content`` is a list of parts,
so a streamed reply changes only ``[i, "content", j, "text"]`` and its diff is an ``append``.
"""

from __future__ import annotations

import inspect
import json
import mimetypes
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal, TypedDict

from limelight.core.block import Block
from limelight.exceptions import Error

__all__ = [
    "ChatMessage",
    "MessageError",
    "MessageMemo",
    "MetadataDict",
    "OptionDict",
    "StoreFile",
    "component_part",
    "file_part",
    "message_payloads",
    "parse_messages",
]

StoreFile = Callable[[dict[str, Any]], dict[str, Any]]
"""Puts a file a message names into the file store; returns its FileData dict."""

META_KEYS = ("title", "id", "parent_id", "log", "duration", "status")
PART_TYPES = ("text", "file", "component")


class MessageError(Error):
    """A conversation in a shape the Chatbot cannot show; the message names the problem."""

    def __init__(self, message: str) -> None:
        super().__init__(message, title="Chatbot error", print_exception=False)


class MetadataDict(TypedDict, total=False):
    """Makes a message a collapsible step: a "thought" or a tool call.

    ``status`` "pending" shows a spinner and starts open; "done" starts closed. ``id`` and
    ``parent_id`` nest a step inside another; ``log`` and ``duration`` (seconds) are shown
    next to the title.
    """

    title: str
    id: int | str
    parent_id: int | str
    log: str
    duration: float
    status: Literal["pending", "done"]


class OptionDict(TypedDict, total=False):
    """A suggested reply under a message; clicking it fires the Chatbot's ``option_select``."""

    value: str
    label: str


@dataclass
class ChatMessage:
    """One message of a conversation, as an alternative to a ``{"role", "content"}`` dict."""

    content: Any
    role: Literal["user", "assistant", "system"] = "assistant"
    metadata: MetadataDict = field(default_factory=lambda: MetadataDict())
    options: list[OptionDict] = field(default_factory=list)


MessageMemo = dict[int, tuple[Any, Any, dict[str, Any]]]
"""The messages of a conversation's last wire form, by the identity of what the function
returned: ``(item, a copy of it as it was, its wire form)``."""

_PLAIN = (str, int, float, bool, type(None))


def message_payloads(
    value: Any, store: StoreFile | None = None, memo: MessageMemo | None = None
) -> list[dict[str, Any]]:
    """The wire form of a conversation a function returned (None is an empty one); files
    in it go through ``store`` when given. A message with nothing to show (empty content)
    is left out. Text given as a string is cleaned like a docstring (``inspect.cleandoc``:
    the indentation of a triple-quoted string and its blank first and last lines go), as
    Gradio does.

    With ``memo`` (kept by the caller between the yields of one generator), a message that
    is the same object as last time and still equal to it reuses its wire form, the very
    same dict: a streamed reply at the end of a long history costs the new message alone,
    here and in the diff that follows.

    Raises ``MessageError`` (shown to the user) for anything that is not a list of messages.
    """
    if value is None:
        return []
    if not isinstance(value, (list, tuple)):
        raise MessageError(
            "Data incompatible with the messages format: a Chatbot value must be a list "
            "of messages (dicts with 'role' and 'content' keys, or gr.ChatMessage "
            f"objects), got {type(value).__name__}."
        )
    if memo is None:
        messages = (_message(item, i, store) for i, item in enumerate(value))
        return [message for message in messages if message["content"]]
    kept: MessageMemo = {}
    out = []
    for i, item in enumerate(value):
        entry = memo.get(id(item))
        if entry is not None and entry[0] is item and entry[1] == _fields(item):
            message = entry[2]
        else:
            message = _message(item, i, store)
            copy = _plain_copy(_fields(item))
            entry = (item, copy, message) if copy is not _NOT_PLAIN else None
        if entry is not None:
            kept[id(item)] = entry
        if message["content"]:
            out.append(message)
    memo.clear()
    memo.update(kept)
    return out


_NOT_PLAIN = object()


def _fields(item: Any) -> Any:
    """What a message's wire form is made from, in a form ``==`` compares by value."""
    if isinstance(item, ChatMessage):
        return (item.role, item.content, item.metadata, item.options)
    return item


def _plain_copy(value: Any) -> Any:
    """A deep copy of ``value`` if it holds only JSON-like values (a later ``==`` then
    sees any change made in place), else ``_NOT_PLAIN``: a message holding components or
    paths objects is made afresh each time."""
    if isinstance(value, _PLAIN):
        return value
    if isinstance(value, dict):
        out = {}
        for key, item in value.items():
            copied = _plain_copy(item)
            if copied is _NOT_PLAIN:
                return _NOT_PLAIN
            out[key] = copied
        return out
    if isinstance(value, (list, tuple)):
        items = [_plain_copy(item) for item in value]
        if any(item is _NOT_PLAIN for item in items):
            return _NOT_PLAIN
        return items if isinstance(value, list) else tuple(items)
    return _NOT_PLAIN


def _message(item: Any, index: int, store: StoreFile | None = None) -> dict[str, Any]:
    """One message in wire form. ``metadata`` and ``options`` are None when the message
    leaves them out and as given (``{}``, ``[]`` included) otherwise: a ``ChatMessage``
    always has both, a dict only those it names."""
    metadata: Any
    options: Any
    if isinstance(item, ChatMessage):
        role, content, metadata, options = item.role, item.content, item.metadata, item.options
    elif isinstance(item, dict) and "role" in item and "content" in item:
        role, content = item["role"], item["content"]
        metadata, options = item.get("metadata"), item.get("options")
    else:
        raise MessageError(
            f"Data incompatible with the messages format: message {index} must be a dict "
            f"with 'role' and 'content' keys or a gr.ChatMessage, got {_describe(item)}."
        )
    if not isinstance(role, str):
        raise MessageError(f"Message {index}: 'role' must be a string.")
    return {
        "role": role,
        "metadata": _metadata(metadata, index),
        "content": _parts(content, index, store),
        "options": _options(options, index),
    }


def _describe(item: Any) -> str:
    if isinstance(item, dict):
        return "a dict with keys " + ", ".join(repr(k) for k in list(item)[:5])
    return type(item).__name__


def _metadata(metadata: Any, index: int) -> dict[str, Any] | None:
    """The known keys of ``metadata`` (None stays None, ``{}`` stays ``{}``)."""
    if metadata is None:
        return None
    if not isinstance(metadata, dict):
        raise MessageError(f"Message {index}: 'metadata' must be a dict.")
    out = {key: metadata[key] for key in META_KEYS if metadata.get(key) is not None}
    if out.get("status") not in (None, "pending", "done"):
        raise MessageError(f"Message {index}: metadata status must be 'pending' or 'done'.")
    if isinstance(out.get("duration"), int) and not isinstance(out["duration"], bool):
        out["duration"] = float(out["duration"])
    return out


def _options(options: Any, index: int) -> list[dict[str, Any]] | None:
    if options is None:
        return None
    if not isinstance(options, (list, tuple)):
        raise MessageError(f"Message {index}: 'options' must be a list of dicts.")
    out = []
    for option in options:
        if not isinstance(option, dict) or "value" not in option:
            raise MessageError(f"Message {index}: each option needs a 'value'.")
        entry = {"value": str(option["value"])}
        if option.get("label") is not None:
            entry["label"] = str(option["label"])
        out.append(entry)
    return out


def _parts(content: Any, index: int, store: StoreFile | None) -> list[dict[str, Any]]:
    if isinstance(content, list):
        return [part for item in content for part in _parts(item, index, store)]
    if content is None:
        return []
    if isinstance(content, str):
        return [{"text": inspect.cleandoc(content), "type": "text"}]
    if isinstance(content, (int, float)) and not isinstance(content, bool):
        return [{"text": str(content), "type": "text"}]
    if isinstance(content, tuple):
        return [_tuple_part(content, index, store)]
    if isinstance(content, dict):
        return [_dict_part(content, index, store)]
    if isinstance(content, Block):
        return [component_part(content)]
    if isinstance(content, os.PathLike):
        return [file_part(os.fspath(content), None, store)]
    raise MessageError(f"Message {index}: cannot show content of type {type(content).__name__}.")


def _tuple_part(content: tuple[Any, ...], index: int, store: StoreFile | None) -> dict[str, Any]:
    if not content or not isinstance(content[0], (str, os.PathLike)):
        raise MessageError(f"Message {index}: a tuple must be (path,) or (path, alt_text).")
    alt = content[1] if len(content) > 1 else None
    return file_part(os.fspath(content[0]), alt, store)


def _dict_part(content: dict[str, Any], index: int, store: StoreFile | None) -> dict[str, Any]:
    kind = content.get("type")
    if kind == "text" and isinstance(content.get("text"), str):
        return {"text": content["text"], "type": "text"}
    if kind == "file" and isinstance(content.get("file"), dict):
        return file_part(content["file"], content.get("alt_text"), store)
    if kind == "component" and isinstance(content.get("component"), str):
        return {
            "component": content["component"],
            "value": content.get("value"),
            "constructor_args": content.get("constructor_args") or {},
            "props": content.get("props") or {},
            "type": "component",
        }
    if kind is None and ("path" in content or "url" in content):
        return file_part(content, content.get("alt_text"), store)
    raise MessageError(f"Message {index}: unknown content part {_describe(content)}.")


def file_part(
    file: str | dict[str, Any], alt_text: Any = None, store: StoreFile | None = None
) -> dict[str, Any]:
    """A file content part from a path or a FileData-like dict. With ``store`` the file is
    put into the file store first (which refuses files an app may not hand out)."""
    data = {"path": file} if isinstance(file, str) else dict(file)
    if store is not None:
        data = store(data)
    path = data.get("path")
    name = data.get("orig_name") or (os.path.basename(path) if isinstance(path, str) else None)
    mime = data.get("mime_type") or (mimetypes.guess_type(path)[0] if path else None)
    return {
        "file": {
            "path": path,
            "url": data.get("url"),
            "size": data.get("size"),
            "orig_name": name,
            "mime_type": mime,
            "is_stream": bool(data.get("is_stream", False)),
            "meta": {"_type": "gradio.FileData"},
        },
        "alt_text": None if alt_text is None else str(alt_text),
        "type": "file",
    }


def component_part(block: Block) -> dict[str, Any]:
    """A component shown inside a message, as a content part: its type, value and the
    JSON-ready arguments it was built with."""
    value = getattr(block, "value", None)
    args = getattr(block, "_constructor_args", {})
    return {
        "component": block.TYPE,
        "value": value,
        "constructor_args": {k: v for k, v in args.items() if k != "value" and _is_json(v)},
        "props": {},
        "type": "component",
    }


def _is_json(value: Any) -> bool:
    try:
        json.dumps(value)
    except (TypeError, ValueError):
        return False
    return True


def parse_messages(payload: Any) -> list[dict[str, Any]]:
    """Check a conversation sent by a client and return it in the wire form.

    Content given as a plain string is accepted and turned into a text part. Raises
    ``ValueError`` naming the first problem.
    """
    if payload is None:
        return []
    if not isinstance(payload, list):
        raise ValueError(
            "data incompatible with the messages format: a Chatbot value must be a list "
            f"of messages, not {type(payload).__name__}"
        )
    return [_client_message(item, i) for i, item in enumerate(payload)]


def _client_message(item: Any, index: int) -> dict[str, Any]:
    if not isinstance(item, dict) or not isinstance(item.get("role"), str):
        raise ValueError(
            f"data incompatible with the messages format: message {index} must be an "
            "object with a string 'role' and a 'content'"
        )
    content = item.get("content")
    if isinstance(content, str):
        content = [{"text": content, "type": "text"}]
    if not isinstance(content, list) or not all(_is_part(part) for part in content):
        raise ValueError(
            f"message {index}: 'content' must be a list of text, file or component parts"
        )
    try:
        return _message(item | {"content": content}, index)
    except MessageError as exc:
        raise ValueError(exc.message) from None


def _is_part(part: Any) -> bool:
    return isinstance(part, dict) and part.get("type") in PART_TYPES
