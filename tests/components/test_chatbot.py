"""Chatbot: the messages format on the wire, bad shapes, and the controls listeners enable."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import limelight as gr
from limelight.app.config import build_config
from limelight.chat.message import MessageError
from limelight.components.base import PayloadError


def wire(role: str, text: str, **extra: Any) -> dict[str, Any]:
    return {
        "role": role,
        "metadata": extra.get("metadata"),
        "content": [{"text": text, "type": "text"}],
        "options": extra.get("options"),
    }


def test_dicts_become_content_parts_as_gradio_sends_them() -> None:
    out = gr.Chatbot().postprocess(
        [{"role": "user", "content": "Hello"}, {"role": "assistant", "content": "Hi"}]
    )
    assert out == [wire("user", "Hello"), wire("assistant", "Hi")]


def test_chat_message_with_metadata_and_options() -> None:
    message = gr.ChatMessage(
        content="x",
        metadata={"title": "tool", "id": 1, "duration": 1.5},
        options=[{"value": "a"}, {"label": "B", "value": "b"}],
    )
    (out,) = gr.Chatbot().postprocess([message])
    assert out["metadata"] == {"title": "tool", "id": 1, "duration": 1.5}
    assert out["options"] == [{"value": "a"}, {"value": "b", "label": "B"}]
    assert list(out) == ["role", "metadata", "content", "options"]


def test_none_fields_of_metadata_are_dropped() -> None:
    (out,) = gr.Chatbot().postprocess(
        [{"role": "assistant", "content": "x", "metadata": {"title": None, "log": None}}]
    )
    assert out["metadata"] == {}


def test_chat_message_sends_empty_metadata_and_options_a_dict_leaves_them_null() -> None:
    out = gr.Chatbot().postprocess(
        [
            gr.ChatMessage(role="user", content="a"),
            {"role": "assistant", "content": "b"},
            {"role": "assistant", "content": "c", "metadata": {}, "options": []},
        ]
    )
    assert [(m["metadata"], m["options"]) for m in out] == [({}, []), (None, None), ({}, [])]


def test_metadata_keeps_known_keys_and_durations_are_floats() -> None:
    metadata = {"title": "t", "id": 1, "duration": 2, "colour": "red"}
    (out,) = gr.Chatbot().postprocess([gr.ChatMessage(content="x", metadata=metadata)])
    assert out["metadata"] == {"title": "t", "id": 1, "duration": 2.0}
    assert isinstance(out["metadata"]["duration"], float)


def test_client_messages_keep_metadata_and_options_as_sent() -> None:
    sent = [
        {"role": "user", "content": [{"type": "text", "text": "a"}]},
        {"role": "user", "content": [{"type": "text", "text": "b"}], "metadata": {}},
        {"role": "user", "content": [{"type": "text", "text": "c"}], "options": []},
    ]
    out = gr.Chatbot().preprocess(sent)
    assert [(m["metadata"], m["options"]) for m in out] == [(None, None), ({}, None), (None, [])]


def test_text_is_dedented_like_a_docstring() -> None:
    reply = """
        Absolutely!
          - one
        done
    """
    (out,) = gr.Chatbot().postprocess([{"role": "assistant", "content": reply}])
    assert out["content"] == [{"text": "Absolutely!\n  - one\ndone", "type": "text"}]


def test_messages_with_nothing_to_show_are_left_out() -> None:
    out = gr.Chatbot().postprocess(
        [
            {"role": "user", "content": []},
            gr.ChatMessage(content=[]),
            {"role": "assistant", "content": ""},
        ]
    )
    assert out == [wire("assistant", "")]


def test_list_content_numbers_files_and_tuples(tmp_path: Path) -> None:
    image = tmp_path / "cat.png"
    image.write_bytes(b"\x89PNG")
    (out,) = gr.Chatbot().postprocess(
        [{"role": "user", "content": ["a", 2, {"path": str(image)}, (str(image), "a cat")]}]
    )
    parts = out["content"]
    assert parts[0] == {"text": "a", "type": "text"}
    assert parts[1] == {"text": "2", "type": "text"}
    assert parts[2]["type"] == "file"
    assert parts[2]["file"]["mime_type"] == "image/png"
    assert parts[2]["file"]["orig_name"] == "cat.png"
    assert parts[2]["file"]["meta"] == {"_type": "gradio.FileData"}
    assert parts[3]["alt_text"] == "a cat"


def test_component_inside_a_message() -> None:
    (out,) = gr.Chatbot().postprocess(
        [{"role": "assistant", "content": gr.Markdown("**hi**", render=False)}]
    )
    part = out["content"][0]
    assert part["type"] == "component"
    assert part["component"] == "markdown"
    assert part["value"] == "**hi**"


def test_none_is_an_empty_conversation() -> None:
    assert gr.Chatbot().postprocess(None) == []
    assert gr.Chatbot().preprocess(None) == []


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("not a list", "incompatible with the messages format.*must be a list"),
        ([{"foo": 1}], "incompatible with the messages format.*'role' and 'content'"),
        ([["user", "tuples"]], "incompatible with the messages format.*'role' and 'content'"),
        ([{"role": "user", "content": object()}], "cannot show content"),
        ([{"role": "user", "content": {"type": "weird"}}], "unknown content part"),
        ([{"role": "user", "content": "x", "metadata": {"status": "later"}}], "status"),
        ([{"role": "user", "content": "x", "options": [{"label": "no value"}]}], "value"),
    ],
)
def test_unknown_shapes_raise_a_visible_error(value: Any, words: str) -> None:
    with pytest.raises(MessageError, match=words) as info:
        gr.Chatbot().postprocess(value)
    assert isinstance(info.value, gr.Error)


def test_preprocess_keeps_the_wire_form_and_accepts_string_content() -> None:
    chatbot = gr.Chatbot()
    payload = [wire("user", "hi"), {"role": "assistant", "content": "plain"}]
    assert chatbot.preprocess(payload) == [wire("user", "hi"), wire("assistant", "plain")]


@pytest.mark.parametrize(
    "payload",
    [
        "history",
        {"role": "user"},
        [1, 2],
        [{"content": []}],
        [{"role": "user", "content": [{"type": "script"}]}],
        [{"role": "user", "content": 5}],
    ],
)
def test_bad_payloads_are_refused(payload: Any) -> None:
    with pytest.raises(PayloadError, match=r"messages format|content"):
        gr.Chatbot().preprocess(payload)


def test_api_info_describes_messages() -> None:
    info = gr.Chatbot().api_info()
    assert info["type"] == "array"
    assert info["items"] == {"$ref": "#/$defs/ChatMessageData"}
    assert {"ChatText", "ChatFile", "ChatMetadata"} <= set(info["$defs"])


def test_listeners_turn_on_like_retry_and_undo_controls() -> None:
    with gr.Blocks() as demo:
        chatbot = gr.Chatbot()
        plain = gr.Chatbot()
        chatbot.like(lambda: None)
        gr.on([chatbot.retry], lambda: None)
        chatbot.undo(lambda: None)
    props = {c["id"]: c["props"] for c in build_config(demo)["components"]}
    assert props[chatbot.id]["likeable"] is True
    assert props[chatbot.id]["_retryable"] is True
    assert props[chatbot.id]["_undoable"] is True
    assert props[plain.id]["likeable"] is False


def test_like_data_reads_its_fields() -> None:
    data = gr.LikeData(None, {"index": 3, "value": "x", "liked": False})
    assert (data.index, data.value, data.liked) == (3, "x", False)
    edit = gr.EditData(None, {"index": 1, "value": "new", "previous_value": "old"})
    assert (edit.index, edit.value, edit.previous_value) == (1, "new", "old")
    assert gr.RetryData(None, None).index is None
