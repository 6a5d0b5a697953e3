"""ChatInterface driven in-process through the real protocol: what the browser does
(submit, stream, retry, undo, edit, examples) and bad input."""

from __future__ import annotations

from typing import Any

import pytest

import limelight as gr
from limelight.app.config import build_config
from limelight.interfaces.chat_interface import ChatInterface
from limelight.testing import AsyncAppTester, EventRefused
from tests.support import asgi_client

pytestmark = pytest.mark.anyio


def typing_bot(message: str, history: list[dict[str, Any]]):
    shown = ""
    for word in ["Hello", " there", f" ({len(history)})"]:
        shown += word
        yield shown


def user(text: str) -> dict[str, Any]:
    return {
        "role": "user",
        "metadata": None,
        "content": [{"text": text, "type": "text"}],
        "options": None,
    }


def bot(text: str) -> dict[str, Any]:
    return {**user(text), "role": "assistant"}


async def test_submit_shows_the_message_then_streams_appends() -> None:
    demo = ChatInterface(typing_bot)
    async with AsyncAppTester(demo) as page:
        await page.set(demo.textbox, "hi")
        result = await page.submit(demo.textbox)
        assert page.value(demo.textbox) == ""
        assert page.value(demo.chatbot) == [user("hi"), bot("Hello there (0)")]
    generating = [m["output"]["data"] for m in result.messages if m["msg"] == "process_generating"]
    assert generating[0] == ["", [user("hi")]]
    assert generating[1][1] == [["add", [1], bot("Hello")]]
    assert generating[2][1] == [["append", [1, "content", 0, "text"], " there"]]
    assert result.steps[2][1] == [user("hi"), bot("Hello there")]
    assert result.data[1] == [user("hi"), bot("Hello there (0)")]
    assert result.data[0] == {"__type__": "update"}  # what the user typed meanwhile is kept


async def test_history_is_the_conversation_before_the_message() -> None:
    demo = ChatInterface(lambda m, h: f"{len(h)} before")
    async with AsyncAppTester(demo) as page:
        result = await page.call("_submit", "again", [user("a"), bot("b")])
    assert result.data[1][-1] == bot("2 before")


async def test_empty_message_changes_nothing() -> None:
    demo = ChatInterface(lambda m, h: "never")
    async with AsyncAppTester(demo) as page:
        result = await page.call("_submit", "   ", [user("a")])
    assert result.data == [{"__type__": "update"}] * 2


@pytest.mark.parametrize("kind", ["sync", "async", "async_gen"])
async def test_every_kind_of_function(kind: str) -> None:
    def sync(message: str, history: list[Any]) -> str:
        return message.upper()

    async def coroutine(message: str, history: list[Any]) -> str:
        return message.upper()

    async def agen(message: str, history: list[Any]):
        yield message[:1].upper()
        yield message.upper()

    fn = {"sync": sync, "async": coroutine, "async_gen": agen}[kind]
    demo = ChatInterface(fn)
    async with AsyncAppTester(demo) as page:
        await page.set(demo.textbox, "yo")
        await page.submit(demo.textbox)
        assert page.value(demo.chatbot) == [user("yo"), bot("YO")]
        api = await page.call(fn.__name__, "yo")
    assert api.data[0] == "YO"


async def test_retry_undo_and_edit_steps() -> None:
    demo = ChatInterface(typing_bot, editable=True)
    history = [user("one"), bot("1"), user("two"), bot("2")]
    async with AsyncAppTester(demo) as page:
        await page.set(demo.chatbot, history)
        retry = await page.trigger(demo.chatbot, "retry")
        assert page.value(demo.chatbot) == [*history[:2], user("two"), bot("Hello there (2)")]
        await page.set(demo.chatbot, history)
        undo = await page.trigger(demo.chatbot, "undo")
        assert (page.value(demo.chatbot), page.value(demo.textbox)) == (history[:2], "two")
        await page.set(demo.chatbot, history)
        edit_data = {"index": 2, "value": "TWO", "previous_value": "two"}
        edit = await page.trigger(demo.chatbot, "edit", event_data=edit_data)
        assert page.value(demo.chatbot)[2] == user("TWO")
    assert retry.data == [history[:2], "two"]
    assert undo.data == [history[:2], "two"]
    assert edit.data == [history[:2], "TWO"]


async def test_example_fills_the_box_and_additional_inputs() -> None:
    demo = ChatInterface(
        lambda m, h, s: s,
        additional_inputs=[gr.Textbox("sys", label="System")],
        examples=[["hello", "pirate"]],
    )
    chatbot = demo.chatbot
    assert chatbot.examples == [{"text": "hello"}]
    async with AsyncAppTester(demo) as page:
        example = {"index": 0, "value": {"text": "hello"}}
        result = await page.trigger(chatbot, "example_select", event_data=example)
        assert page.value(chatbot)[-1] == bot("pirate")
    assert result.data == ["hello", "pirate"]


async def test_additional_outputs_and_a_wrong_tuple() -> None:
    with gr.Blocks():
        extra = gr.Textbox(label="Extra", render=False)
    demo = ChatInterface(lambda m, h: (m, m * 2), additional_outputs=[extra])
    bad = ChatInterface(lambda m, h: "only one", additional_outputs=[gr.Textbox(render=False)])
    async with AsyncAppTester(demo) as page:
        await page.set(demo.textbox, "ab")
        await page.submit(demo.textbox)
        assert page.value(extra) == "abab"
    async with AsyncAppTester(bad) as page:
        failed = await page.call("_submit", "ab", [])
    assert failed.error is not None


async def test_a_history_that_is_not_a_list_is_a_clear_error() -> None:
    demo = ChatInterface(lambda m, h: "x")
    async with AsyncAppTester(demo) as page:
        with pytest.raises(EventRefused) as refused:
            await page.call("_submit", "hi", "not a list")
    assert 400 <= refused.value.status_code < 500
    assert "list of messages" in str(refused.value.detail)


async def test_a_reply_in_an_unknown_shape_is_a_visible_error() -> None:
    demo = ChatInterface(lambda m, h: object())
    async with AsyncAppTester(demo) as page:
        done = await page.call("_submit", "hi", [user("kept")])
    assert done.error is not None and "cannot show content" in str(done.error.message)


async def test_one_megabyte_of_pasted_text_streams_back() -> None:
    text = "x" * 1_000_000
    demo = ChatInterface(lambda m, h: f"{len(m)} characters")
    async with AsyncAppTester(demo) as page:
        await page.set(demo.textbox, text)
        data = (await page.submit(demo.textbox)).data[1]
    assert data[0]["content"][0]["text"] == text
    assert data[1] == bot("1000000 characters")


def test_layout_api_name_and_accordion() -> None:
    def respond(message: str, history: list[Any], system: str) -> str:
        return message

    demo = ChatInterface(
        respond, additional_inputs=[gr.Textbox("s", label="System")], title="T", save_history=True
    )
    config = build_config(demo)
    types = [c["type"] for c in config["components"]]
    assert {"chatbot", "textbox", "accordion", "json"} <= set(types)
    public = [d for d in config["dependencies"] if d["api_visibility"] == "public"]
    assert [d["api_name"] for d in public] == ["respond"]
    assert demo.chatbot.save_history_key is not None
    assert ChatInterface(respond, api_name="chat").fns[-1].api_name == "chat"


def test_multimodal_uses_a_multimodal_textbox() -> None:
    demo = ChatInterface(lambda m, h: m["text"], multimodal=True)
    assert isinstance(demo.textbox, gr.MultimodalTextbox)


async def test_multimodal_files_and_text_make_one_user_message() -> None:
    demo = ChatInterface(lambda m, h: f"{len(m['files'])} file(s)", multimodal=True)
    async with AsyncAppTester(demo) as page:
        file = await page.upload(b"\x89PNG", "pic.png")
        await page.set(demo.textbox, {"text": "see", "files": [file]})
        await page.submit(demo.textbox)
        shown = page.value(demo.chatbot)
    assert len(shown) == 2
    assert [part["type"] for part in shown[0]["content"]] == ["file", "text"]
    assert shown[0]["content"][1]["text"] == "see"
    assert shown[1] == bot("1 file(s)")


async def test_a_client_cannot_name_a_server_file_in_a_message() -> None:
    """docs/security.md #6: a file part naming /etc/passwd is refused, nothing is read."""
    demo = ChatInterface(lambda m, h: "x")
    history = [{"role": "user", "content": [{"type": "file", "file": {"path": "/etc/passwd"}}]}]
    async with AsyncAppTester(demo) as page:
        done = await page.call("_submit", "hi", history)
    assert done.error is not None and "not allowed" in str(done.error.message)
    assert "root:" not in str(done.messages)


async def test_a_function_cannot_hand_out_a_server_file_in_a_message() -> None:
    """docs/security.md #7: a reply naming /etc/passwd is an error event, not a file URL."""
    demo = ChatInterface(lambda m, h: {"path": "/etc/passwd"})
    async with AsyncAppTester(demo) as page:
        done = await page.call("_submit", "hi", [])
    assert done.error is not None and "not allowed" in str(done.error.message)


async def test_api_description_labels_match_gradio() -> None:
    # Checked against Gradio 6.31's /gradio_api/info for the same ChatInterface.
    def respond(message: str, history: list[Any], system: str) -> str:
        return message

    demo = ChatInterface(respond, additional_inputs=[gr.Textbox("s", label="System")])
    async with asgi_client(demo) as client:
        info = (await client.get("/gradio_api/info")).json()
    endpoint = info["named_endpoints"]["/respond"]
    params = [(p["label"], p["parameter_name"], p["component"]) for p in endpoint["parameters"]]
    assert params == [("", "message", "Textbox"), ("System", "system", "Textbox")]
    assert [r["label"] for r in endpoint["returns"]] == ["Response"]


async def test_cached_examples_show_the_exchange_without_calling_fn(
    tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    calls: list[str] = []

    def respond(message: str, history: list[Any], system: str):
        calls.append(message)
        yield f"{system}: "
        yield f"{system}: {message}!"

    demo = ChatInterface(
        respond,
        additional_inputs=[gr.Textbox("sys", label="System")],
        examples=[["hello", "pirate"], ["bye"]],
        cache_examples=True,
    )
    async with AsyncAppTester(demo) as page:
        assert calls == ["hello", "bye"]  # computed at start-up
        for index, expected in [(0, "pirate: hello!"), (1, "sys: bye!")]:
            example = {"index": index, "value": {}}
            data = (await page.trigger("_cached_example", event_data=example)).data
            assert data[1][-1] == bot(expected)
            assert data[1][0]["role"] == "user"
    assert calls == ["hello", "bye"]


def test_the_chat_endpoint_is_named_as_gradio_names_it() -> None:
    # What Gradio 6.31's /gradio_api/info shows for the same apps.
    class Bot:
        def __call__(self, message: str, history: list[Any]) -> str:
            return message

    def public(demo: ChatInterface) -> list[str | None]:
        return [d.api_name for d in demo.fns if d.api_visibility == "public"]

    assert public(ChatInterface(lambda m, h: m)) == ["lambda_2"]
    assert public(ChatInterface(Bot())) == ["__wrapper"]


@pytest.mark.anyio
async def test_the_api_sends_a_chat_message_reply_as_a_dict() -> None:
    def suggest(message: str, history: list[Any]) -> Any:
        if history:
            return f"history: {history}"
        return gr.ChatMessage(content="  Pick one", options=[{"value": "Yes"}])

    demo = ChatInterface(suggest, api_name="chat")
    async with AsyncAppTester(demo) as page:
        first = await page.call("chat", "hi")
        second = await page.call("chat", "ok")
    reply = {"content": "  Pick one", "role": "assistant", "metadata": {}, "options": []}
    reply["options"] = [{"value": "Yes"}]
    assert first.data[0] == reply
    assert second.data[0] == f"history: {[{'role': 'user', 'content': 'hi'}, reply]}"


async def test_the_api_sends_a_list_reply_as_a_list() -> None:
    def echo(message: dict[str, Any], history: list[Any]) -> list[Any]:
        return ["You wrote: " + message["text"], gr.Markdown("**md**", render=False)]

    demo = ChatInterface(echo, multimodal=True, api_name="chat")
    async with AsyncAppTester(demo) as page:
        done = await page.call("chat", {"text": "x", "files": []})
    text, component = done.data[0]
    assert text == "You wrote: x"
    assert component["type"] == "component"
    assert component["value"] == "**md**"


async def test_each_item_of_a_list_reply_is_a_message_of_the_assistant() -> None:
    def reply(message: str, history: list[Any]) -> list[Any]:
        return ["one", gr.ChatMessage(role="user", content="two")]

    demo = ChatInterface(reply)
    async with AsyncAppTester(demo) as page:
        await page.set(demo.textbox, "hi")
        await page.submit(demo.textbox)
        shown = page.value(demo.chatbot)
    assert [m["role"] for m in shown] == ["user", "assistant", "assistant"]
    assert [m["content"][0]["text"] for m in shown] == ["hi", "one", "two"]
