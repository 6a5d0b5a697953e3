"""Chatbot(reasoning_tags=...): thinking between tags becomes its own "Reasoning" message."""

from __future__ import annotations

from typing import Any

import limelight as gr

TAGS = [("<thinking>", "</thinking>"), ("<think>", "</think>")]


def texts(messages: list[dict[str, Any]]) -> list[tuple[str, Any]]:
    return [(m["content"][0].get("text", m["content"][0]["type"]), m["metadata"]) for m in messages]


def test_thinking_is_split_out_in_order() -> None:
    reply = "<thinking>\nfirst\n</thinking>\n\nThe answer.\n<think>second</think> More."
    chatbot = gr.Chatbot(reasoning_tags=TAGS)
    shown = chatbot.postprocess([{"role": "assistant", "content": reply}])
    reasoning = {"title": "Reasoning", "status": "done"}
    assert texts(shown) == [
        ("first", reasoning),
        ("The answer.", None),
        ("second", reasoning),
        ("More.", None),
    ]
    assert {m["role"] for m in shown} == {"assistant"}


def test_an_unclosed_block_is_pending_while_the_reply_streams() -> None:
    chatbot = gr.Chatbot(reasoning_tags=TAGS)
    shown = chatbot.postprocess([{"role": "assistant", "content": "Hm. <thinking>still going"}])
    assert texts(shown) == [
        ("Hm.", None),
        ("still going", {"title": "Reasoning", "status": "pending"}),
    ]


def test_without_tags_messages_are_left_alone() -> None:
    value = [{"role": "assistant", "content": "a <thinking>x</thinking>  "}]
    assert gr.Chatbot().postprocess(value)[0]["content"][0]["text"] == "a <thinking>x</thinking>  "
    assert gr.Chatbot().config()["props"]["reasoning_tags"] is None


def test_files_follow_the_text_of_their_message() -> None:
    chatbot = gr.Chatbot(reasoning_tags=TAGS)
    message = {
        "role": "assistant",
        "content": [
            {"type": "text", "text": "<think>plan</think>Here:"},
            {"type": "component", "component": "json", "value": {"a": 1}, "props": {}},
        ],
    }
    shown = chatbot.postprocess([message])
    assert [m["content"][0]["type"] for m in shown] == ["text", "text", "component"]
    assert shown[0]["metadata"] == {"title": "Reasoning", "status": "done"}


def test_suggested_replies_stay_with_the_answer_not_the_reasoning() -> None:
    message = gr.ChatMessage(content="<t>x</t>answer", options=[{"value": "ok"}])
    thinking, answer = gr.Chatbot(reasoning_tags=[("<t>", "</t>")]).postprocess([message])
    assert thinking["options"] is None
    assert answer["options"] == [{"value": "ok"}]
