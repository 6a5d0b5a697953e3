"""Running a chat function ``fn(message, history, *extra)`` for ChatInterface.

``fn`` may be a plain function, a generator (each yield is the whole reply so far), or the
async version of either. ``adapt`` wraps it in a function of the matching kind, so the
executor runs it as usual (sync code in a worker thread, generators step by step); the
wrapper builds the outputs (the updated conversation) from each reply.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

from .chat_message import ChatMessage, message_payloads, message_text
from .components.base import UPDATE

__all__ = [
    "NO_CHANGE",
    "Turn",
    "adapt",
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
    """The user's turn as messages: one per attached file, then one for the text."""
    if isinstance(message, dict):
        files = [{"role": "user", "content": {"path": path}} for path in message.get("files", [])]
        text = message.get("text") or ""
        return message_payloads(files + ([{"role": "user", "content": text}] if text else []))
    return message_payloads([{"role": "user", "content": message}])


def is_empty(message: Any) -> bool:
    """Whether a submitted message has neither text nor files."""
    if isinstance(message, dict):
        return not (message.get("text") or "").strip() and not message.get("files")
    return message is None or not str(message).strip()


def reply_messages(reply: Any) -> list[dict[str, Any]]:
    """The assistant's reply as messages, from whatever ``fn`` returned."""
    if reply is None:
        return []
    if isinstance(reply, list) and reply and all(_is_message(item) for item in reply):
        return message_payloads(reply)
    if _is_message(reply):
        return message_payloads([reply])
    return message_payloads([{"role": "assistant", "content": reply}])


def _is_message(item: Any) -> bool:
    if isinstance(item, ChatMessage):
        return True
    return isinstance(item, dict) and "role" in item and "content" in item


def api_value(messages: list[dict[str, Any]]) -> Any:
    """What an API client receives for a reply: its text when it is only text."""
    if all(all(p["type"] == "text" for p in m["content"]) for m in messages):
        return "\n\n".join(message_text(m) for m in messages) if messages else ""
    return messages


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
