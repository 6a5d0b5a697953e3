"""``Chatbot(reasoning_tags=...)``: a model's thinking, written between tags such as
``<thinking>...</thinking>``, shown as its own collapsible "Reasoning" message.

Each text part of a message is split, in order, into prose and thinking; a thinking block
whose closing tag has not arrived yet (a reply still streaming) is ``pending``. Text in no
tag stays an ordinary message; files and components of the message follow its text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

__all__ = ["split_reasoning"]

Segment = tuple[str, bool, str]
"""(text, whether it is thinking, "done" or "pending")."""


def split_reasoning(
    messages: list[dict[str, Any]], tags: Sequence[Sequence[str]]
) -> list[dict[str, Any]]:
    """``messages`` (wire form) with the thinking in their text moved to messages of its own."""
    pattern = _pattern(tags)
    closers = tuple(close for _, close in tags)
    out: list[dict[str, Any]] = []
    for message in messages:
        texts = [p for p in message["content"] if p["type"] == "text"]
        if not texts:
            out.append(message)
            continue
        for part in texts:
            for text, thinking, status in _segments(part["text"], pattern, closers):
                content = [{"type": "text", "text": text}]
                if thinking:
                    # The suggested replies belong under the answer, not the reasoning.
                    metadata = {"title": "Reasoning", "status": status}
                    out.append(
                        {**message, "metadata": metadata, "content": content, "options": None}
                    )
                else:
                    out.append({**message, "content": content})
        others = [p for p in message["content"] if p["type"] != "text"]
        if others:
            out.append({**message, "content": others})
    return out


def _pattern(tags: Sequence[Sequence[str]]) -> re.Pattern[str]:
    alternatives = [
        f"{re.escape(opening)}(.*?)(?:{re.escape(closing)}|$)" for opening, closing in tags
    ]
    return re.compile("|".join(alternatives), re.DOTALL)


def _segments(text: str, pattern: re.Pattern[str], closers: tuple[str, ...]) -> list[Segment]:
    segments: list[Segment] = []
    end = 0
    for match in pattern.finditer(text):
        _prose(text[end : match.start()], segments)
        inner = next((g for g in match.groups() if g is not None), "").strip()
        if inner:
            closed = match.group(0).endswith(closers)
            segments.append((inner, True, "done" if closed else "pending"))
        end = match.end()
    _prose(text[end:], segments)
    return segments


def _prose(text: str, segments: list[Segment]) -> None:
    if text.strip():
        segments.append((text.strip(), False, "done"))
