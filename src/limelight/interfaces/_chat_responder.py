"""Running a chat function ``fn(message, history, *extra)`` for ChatInterface.

``fn`` may be a plain function, a generator (each yield is the whole reply so far), or the
async version of either. ``adapt`` wraps it in a function of the matching kind, so the
executor runs it as usual (sync code in a worker thread, generators step by step); the
wrapper builds the outputs (the updated conversation) from each reply.
"""

from __future__ import annotations

import inspect
import os
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from limelight.chat.message import ChatMessage, component_part, message_payloads
from limelight.components.base import UPDATE
from limelight.core.block import Block

__all__ = [
    "NO_CHANGE",
    "Turn",
    "adapt",
    "api_history",
    "api_value",
    "is_empty",
    "reply_messages",
    "user_messages",
]

NO_CHANGE: dict[str, Any] = {"__type__": UPDATE}
"""An output that leaves its component as it is."""

Prepare = Callable[..., "Turn"]
Outputs = Callable[["Turn", Any], list[Any]]


class Turn:
    """One exchange being answered: what to call ``fn`` with and what to show first."""

    def __init__(self, call_args: list[Any] | None, first: list[Any], context: Any = None) -> None:
        self.call_args = call_args
        """The arguments for ``fn``; None when there is nothing to answer (an empty message)."""
        self.first = first
        """Outputs shown before ``fn`` runs (the user's message), or [] for none."""
        self.context = context


def user_messages(message: Any) -> list[dict[str, Any]]:
    """The user's turn as messages: one message, its attached files first, then its text."""
    if isinstance(message, dict):
        return message_payloads([{"role": "user", "content": _multimodal_content(message)}])
    return message_payloads([{"role": "user", "content": message}])


def _multimodal_content(message: dict[str, Any]) -> list[Any]:
    """A MultimodalTextbox value as message content: each file, then the text."""
    files = [
        {"path": file.get("path") if isinstance(file, dict) else file}
        for file in message.get("files") or []
    ]
    text = message.get("text") or ""
    return files + ([text] if text else [])


def is_empty(message: Any) -> bool:
    """Whether a submitted message has neither text nor files."""
    if isinstance(message, dict):
        return not (message.get("text") or "").strip() and not message.get("files")
    return message is None or not str(message).strip()


def reply_messages(reply: Any) -> list[dict[str, Any]]:
    """The assistant's reply as messages, from whatever ``fn`` returned: each item of a
    list is a message of its own, and every message is the assistant's."""
    if reply is None:
        return []
    items = reply if isinstance(reply, list) else [reply]
    return message_payloads([_reply_message(item) for item in items])


def _reply_message(item: Any) -> Any:
    if isinstance(item, ChatMessage):
        return replace(item, role="assistant")
    if isinstance(item, dict) and "content" in item:
        return {**item, "role": "assistant"}
    if isinstance(item, dict) and "text" in item and "files" in item:
        return {"role": "assistant", "content": _multimodal_content(item)}
    return {"role": "assistant", "content": item}


def api_value(reply: Any) -> Any:
    """What an API client receives for a reply: the reply as ``fn`` returned it, made JSON
    (as Gradio sends it, unprocessed). A ``gr.ChatMessage`` or message dict is sent as a
    dict whose role is "assistant"; a component inside is sent in its message-part form
    (``{"type": "component", ...}``) and a path as its string."""
    if isinstance(reply, list):
        return [_assistant(item) for item in reply]
    return _assistant(reply)


def _assistant(item: Any) -> Any:
    if isinstance(item, ChatMessage):
        return {
            "content": _json_ready(item.content),
            "role": "assistant",
            "metadata": _json_ready(item.metadata),
            "options": _json_ready(item.options),
        }
    if isinstance(item, dict) and "content" in item:
        return {**_json_ready(item), "role": "assistant"}
    return _json_ready(item)


def _json_ready(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(key): _json_ready(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_json_ready(item) for item in value]
    if isinstance(value, ChatMessage):
        return _assistant(value)
    if isinstance(value, Block):
        return component_part(value)
    if isinstance(value, os.PathLike):
        return os.fspath(value)
    return value


def api_history(message: Any, reply: Any) -> list[Any]:
    """The exchange as the API endpoint's history keeps it: the user's message, then one
    ``{"role", "content", ...}`` dict per reply message, made JSON as ``api_value`` does."""
    said = _multimodal_content(message) if isinstance(message, dict) else message
    items = [] if reply is None else reply if isinstance(reply, list) else [reply]
    return [{"role": "user", "content": said}, *(_assistant(_reply_message(i)) for i in items)]


def adapt(fn: Callable[..., Any], prepare: Prepare, outputs: Outputs, *, lead: bool) -> Any:
    """A function of the same kind as ``fn`` that takes the event's inputs, calls ``fn`` with
    ``prepare(...)``'s arguments and returns (or yields) ``outputs(turn, reply)``.

    With ``lead`` a plain ``fn`` becomes a generator too, so that the user's message shows
    before the reply is ready. The wrapper keeps ``fn``'s signature, which names the API
    endpoint's parameters.
    """
    wrapper = _adapt(fn, prepare, outputs, lead)
    wrapper.__signature__ = _signature(fn)
    return wrapper


def _signature(fn: Callable[..., Any]) -> inspect.Signature | None:
    try:
        return inspect.signature(fn)
    except (TypeError, ValueError):
        return None


def _adapt(fn: Callable[..., Any], prepare: Prepare, outputs: Outputs, lead: bool) -> Any:
    if inspect.isasyncgenfunction(fn):

        async def async_stream(*args: Any) -> Any:
            turn = prepare(*args)
            if turn.first:
                yield turn.first
            if turn.call_args is not None:
                async for reply in fn(*turn.call_args):
                    yield outputs(turn, reply)

        return async_stream
    if inspect.isgeneratorfunction(fn):

        def stream(*args: Any) -> Any:
            turn = prepare(*args)
            if turn.first:
                yield turn.first
            if turn.call_args is not None:
                for reply in fn(*turn.call_args):
                    yield outputs(turn, reply)

        return stream
    if inspect.iscoroutinefunction(fn):
        return _adapt_coroutine(fn, prepare, outputs, lead)
    return _adapt_plain(fn, prepare, outputs, lead)


def _adapt_coroutine(fn: Callable[..., Any], prepare: Prepare, outputs: Outputs, lead: bool) -> Any:
    if lead:

        async def async_lead(*args: Any) -> Any:
            turn = prepare(*args)
            if turn.first:
                yield turn.first
            if turn.call_args is not None:
                yield outputs(turn, await fn(*turn.call_args))

        return async_lead

    async def async_call(*args: Any) -> Any:
        turn = prepare(*args)
        return outputs(turn, await fn(*turn.call_args) if turn.call_args is not None else None)

    return async_call


def _adapt_plain(fn: Callable[..., Any], prepare: Prepare, outputs: Outputs, lead: bool) -> Any:
    if lead:

        def plain_lead(*args: Any) -> Any:
            turn = prepare(*args)
            if turn.first:
                yield turn.first
            if turn.call_args is not None:
                yield outputs(turn, fn(*turn.call_args))

        return plain_lead

    def plain_call(*args: Any) -> Any:
        turn = prepare(*args)
        return outputs(turn, fn(*turn.call_args) if turn.call_args is not None else None)

    return plain_call
