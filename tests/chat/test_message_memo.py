"""A conversation's wire form between the yields of one generator: unchanged messages keep
theirs (the same dict), and any change, in place included, makes a message afresh."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from limelight.chat.message import ChatMessage, MessageMemo, message_payloads


def texts(payloads: list[dict[str, Any]]) -> list[str]:
    return [part["text"] for message in payloads for part in message["content"]]


def test_an_unchanged_message_keeps_its_wire_form() -> None:
    history = [{"role": "user", "content": "hi"}, {"role": "assistant", "content": "yo"}]
    memo: MessageMemo = {}
    first = message_payloads([*history, {"role": "user", "content": "a"}], memo=memo)
    second = message_payloads([*history, {"role": "user", "content": "ab"}], memo=memo)
    assert second[0] is first[0] and second[1] is first[1]
    assert second[2] is not first[2]
    assert texts(second) == ["hi", "yo", "ab"]


def test_a_message_changed_in_place_is_made_again() -> None:
    reply: dict[str, Any] = {
        "role": "assistant",
        "content": "Thinking",
        "metadata": {"title": "Tool", "status": "pending"},
    }
    memo: MessageMemo = {}
    first = message_payloads([reply], memo=memo)
    reply["content"] += " done"
    reply["metadata"]["status"] = "done"
    second = message_payloads([reply], memo=memo)
    assert second[0] is not first[0]
    assert texts(second) == ["Thinking done"]
    assert second[0]["metadata"] == {"title": "Tool", "status": "done"}


def test_a_chat_message_object_changed_in_place_is_made_again() -> None:
    parts = ["one"]
    message = ChatMessage(role="assistant", content=parts)
    memo: MessageMemo = {}
    first = message_payloads([message], memo=memo)
    parts.append("two")
    second = message_payloads([message], memo=memo)
    assert texts(first) == ["one"] and texts(second) == ["one", "two"]
    assert message_payloads([message], memo=memo)[0] is second[0]


def test_messages_holding_other_objects_are_made_every_time(tmp_path: Path) -> None:
    picture = tmp_path / "p.png"
    picture.write_bytes(b"png")
    message = {"role": "user", "content": picture}
    memo: MessageMemo = {}
    first = message_payloads([message], memo=memo)
    assert message_payloads([message], memo=memo)[0] is not first[0]
    assert memo == {}


def test_the_memo_keeps_only_the_last_conversation() -> None:
    memo: MessageMemo = {}
    message_payloads([{"role": "user", "content": "old"}], memo=memo)
    latest = {"role": "user", "content": "new"}
    message_payloads([latest], memo=memo)
    assert list(memo) == [id(latest)]
