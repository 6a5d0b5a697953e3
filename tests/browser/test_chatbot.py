"""Chat in a real browser: send, stream, stop, retry, undo, edit, like, and message content
that must never run script (docs/security.md #23)."""

from __future__ import annotations

import runpy
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

import limelight as gr
from tests.browser.support import holds_soon

pytestmark = pytest.mark.browser

Serve = Callable[..., str]
DEMOS = Path(__file__).resolve().parents[2] / "demos"


def demo(name: str) -> Any:
    return runpy.run_path(str(DEMOS / f"{name}.py"))["demo"]


def send(page: Page, text: str) -> None:
    box = page.get_by_placeholder("Type a message...")
    box.fill(text)
    box.press("Enter")


def test_echo_send_and_example(page: Page, serve: Serve) -> None:
    page.goto(serve(demo("chatbot_echo")))
    page.get_by_role("button", name="Hello!").click()
    expect(page.locator(".chat-bot").last).to_contain_text("You said: Hello!")
    send(page, "second")
    expect(page.locator(".chat-bot").last).to_contain_text("You said: second")
    expect(page.get_by_placeholder("Type a message...")).to_have_value("")


def test_streaming_renders_markdown_and_retry_undo(page: Page, serve: Serve) -> None:
    page.goto(serve(demo("chatbot_streaming")))
    send(page, "reverse please")
    reply = page.locator(".chat-bot").last
    expect(reply).to_contain_text("Anything else?", timeout=15_000)
    expect(reply.locator("strong")).to_have_text("Python")
    expect(reply.locator("pre .copy-code")).to_have_count(1)
    page.get_by_role("button", name="Retry").click()
    expect(page.locator(".chat-user")).to_have_count(1)
    expect(page.locator(".chat-bot").last).to_contain_text("Anything else?", timeout=15_000)
    page.get_by_role("button", name="Undo").click()
    expect(page.locator(".chat-row")).to_have_count(0)
    expect(page.get_by_placeholder("Type a message...")).to_have_value("reverse please")


def test_stop_cuts_the_stream_short(page: Page, serve: Serve) -> None:
    page.goto(serve(demo("chatbot_streaming")))
    send(page, "stop me")
    stop = page.get_by_role("button", name="Stop")
    expect(stop).to_be_visible()
    # Stop once the reply has started, so there is a partial reply to keep.
    expect(page.locator(".chat-bot").last).to_be_visible(timeout=10_000)
    stop.click()
    expect(page.get_by_role("button", name="Submit")).to_be_visible()
    text = page.locator(".chat-bot").last.inner_text()
    time.sleep(0.8)
    assert page.locator(".chat-bot").last.inner_text() == text
    assert "Anything else?" not in text


def test_edit_regenerates_from_the_edited_message(page: Page, serve: Serve) -> None:
    page.goto(serve(demo("chatbot_streaming")))
    send(page, "first")
    expect(page.locator(".chat-bot").last).to_contain_text("Anything else?", timeout=15_000)
    expect(page.get_by_role("button", name="Submit")).to_be_visible()
    page.get_by_role("button", name="Edit message").click()
    page.get_by_label("Edit message").fill("edited")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".chat-user .chat-bubble")).to_have_text(["edited"])
    expect(page.locator(".chat-bot").last).to_contain_text("You asked: edited", timeout=15_000)


def test_thinking_steps_and_like(page: Page, serve: Serve) -> None:
    liked: list[Any] = []
    heard = threading.Event()

    def record(data: gr.LikeData) -> None:
        liked.append((data.index, data.liked))
        heard.set()

    app = demo("chatbot_thinking")
    with app:
        app.chatbot.like(record)
    page.goto(serve(app))
    send(page, "life")
    expect(page.locator(".chat-bot").last).to_contain_text("42", timeout=10_000)
    step = page.locator("details.chat-step").first
    expect(step.locator(":scope > summary")).to_contain_text("Thinking")
    expect(step).not_to_have_attribute("open", "")  # done steps start closed
    expect(step.locator("details.chat-step")).to_have_count(1)  # the tool call nests inside
    page.get_by_role("button", name="Like", exact=True).last.click()
    assert heard.wait(5)
    assert liked[0][1] is True


XSS = [
    "<img src=x onerror=alert(1)>",
    "[x](javascript:alert(1))",
    '<a href="data:text/html,<script>alert(1)</script>">d</a>',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    "<svg><foreignObject><img src=x onerror=alert(1)></foreignObject></svg>",
    "<style>@import 'http://127.0.0.1:1/x.css';</style>",
    '<link rel=stylesheet href="http://127.0.0.1:1/x.css">',
    "</script><script>alert(1)</script>",
    "$$<img src=x onerror=alert(1)>$$ and ```py\n<img src=x onerror=alert(1)>\n```",
    "`${alert(1)}` \" ' ` <b onmouseover=alert(1)>hover</b>",
]


def test_message_content_never_runs_script(page: Page, serve: Serve) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    history = [{"role": "user" if i % 2 else "assistant", "content": x} for i, x in enumerate(XSS)]
    with gr.Blocks() as app:
        gr.Chatbot(value=history)
    page.goto(serve(app))
    expect(page.locator(".chat-row")).to_have_count(len(XSS))
    for bubble in page.locator(".chat-bubble").all():
        bubble.hover()
    page.locator(".chat-markdown a").first.click()
    time.sleep(0.5)
    assert dialogs == []
    expect(page.locator(".chat-messages .katex")).to_have_count(1)  # the math was typeset, as text
    unsafe = page.locator(".chat-messages").evaluate(
        """root => [...root.querySelectorAll('*')].filter(el =>
            ['IFRAME', 'SCRIPT', 'OBJECT', 'EMBED'].includes(el.tagName) ||
            [...el.attributes].some(a => a.name.startsWith('on') ||
                /^\\s*(javascript|data):/i.test(a.value))).map(el => el.outerHTML)"""
    )
    assert unsafe == []


def test_a_huge_message_stays_on_screen(page: Page, serve: Serve) -> None:
    app = gr.ChatInterface(lambda m, h: f"got {len(m)}")
    page.goto(serve(app))
    box = page.get_by_placeholder("Type a message...")
    box.evaluate(
        "(el, n) => { el.value = 'y'.repeat(n);"
        " el.dispatchEvent(new Event('input', {bubbles: true})); }",
        1_000_000,
    )
    box.press("Enter")
    expect(page.locator(".chat-bot").last).to_contain_text("got 1000000", timeout=20_000)
    expect(page.locator(".chat-user")).to_have_count(1)


def test_autoscroll_respects_a_reader_who_scrolled_up(page: Page, serve: Serve) -> None:
    release = threading.Event()

    def slow(message: str, history: list[Any]):
        text = ""
        for i in range(400):
            text += f"line {i}\n\n"
            if i == 40:
                release.wait(10)
            yield text

    page.goto(serve(gr.ChatInterface(slow)))
    send(page, "go")
    scroller = page.locator(".chat-scroll")
    expect(page.locator(".chat-bot").last).to_contain_text("line 39", timeout=10_000)
    at_bottom = "el => el.scrollHeight - el.scrollTop - el.clientHeight < 40"
    # Autoscroll happens on a frame after the text lands: wait for it.
    page.wait_for_function(
        f"() => ({at_bottom})(document.querySelector('.chat-scroll'))", timeout=15_000
    )
    scroller.evaluate("el => { el.scrollTop = 0; el.dispatchEvent(new Event('scroll')); }")
    release.set()
    expect(page.locator(".chat-bot").last).to_contain_text("line 399", timeout=15_000)
    assert scroller.evaluate("el => el.scrollTop") < 50
    page.get_by_role("button", name="Scroll to the latest message").click()
    page.wait_for_function(f"() => ({at_bottom})(document.querySelector('.chat-scroll'))")


def test_attachments_upload_and_show_in_the_conversation(page: Page, serve: Serve) -> None:
    page.goto(serve(demo("chatbot_multimodal")))
    png = bytes.fromhex(
        "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
        "0000000d49444154789c6360f8cf00000301010018dd8db00000000049454e44ae426082"
    )
    page.locator(".multimodal input[type=file]").set_input_files(
        files=[{"name": "dot.png", "mimeType": "image/png", "buffer": png}]
    )
    expect(page.locator(".mm-files")).to_contain_text("dot.png")
    box = page.get_by_placeholder("Type a message...")
    box.fill("what is this?")
    box.press("Enter")
    expect(page.locator(".chat-bot").last).to_contain_text("dot.png", timeout=10_000)
    image = page.locator(".chat-user img.chat-media")
    expect(image).to_have_count(1)
    assert image.evaluate("img => img.complete && img.naturalWidth") == 1


def test_a_refused_file_type_is_a_clear_error(page: Page, serve: Serve) -> None:
    with gr.Blocks() as app:
        gr.MultimodalTextbox(file_types=["image"], label="Message")
    page.goto(serve(app))
    page.locator(".multimodal input[type=file]").set_input_files(
        files=[{"name": "notes.exe", "mimeType": "application/octet-stream", "buffer": b"MZ"}]
    )
    expect(page.get_by_role("alert")).to_contain_text("Not an accepted file type: notes.exe")
    expect(page.locator(".mm-files")).to_have_count(0)


MATH_AND_CODE = "The square is $x^2$.\n\n```python\ndef square(x):\n    return x ** 2\n```\n\nDone."


def test_a_streamed_reply_typesets_math_and_highlights_code(page: Page, serve: Serve) -> None:
    def reply(message: str, history: list[dict[str, Any]]) -> Any:
        for end in range(0, len(MATH_AND_CODE) + 8, 8):
            time.sleep(0.01)
            yield MATH_AND_CODE[:end]

    delimiters = [{"left": "$", "right": "$", "display": False}]
    app = gr.ChatInterface(reply, chatbot=gr.Chatbot(latex_delimiters=delimiters))
    page.goto(serve(app))
    send(page, "square")
    bot = page.locator(".chat-bot").last
    expect(bot).to_contain_text("Done.", timeout=15_000)
    expect(bot.locator(".katex")).to_have_count(1)
    expect(bot.locator(".katex-mathml annotation")).to_have_text("x^2")
    expect(bot.locator("pre code.hljs .hljs-keyword").first).to_have_text("def")
    expect(bot.locator("pre .copy-code")).to_have_count(1)


def test_no_second_submit_while_a_reply_streams(page: Page, serve: Serve) -> None:
    page.goto(serve(demo("chatbot_streaming")))
    send(page, "first")
    expect(page.get_by_role("button", name="Stop")).to_be_visible()
    # The box is emptied by the submit's own chain; type the next message after that.
    expect(page.get_by_placeholder("Type a message...")).to_have_value("")
    send(page, "second")  # Enter while the reply streams: kept in the box, not sent
    expect(page.locator(".chat-bot").last).to_contain_text("Anything else?", timeout=15_000)
    expect(page.locator(".chat-user")).to_have_count(1)
    box = page.get_by_placeholder("Type a message...")
    expect(box).to_have_value("second")
    box.press("Enter")
    expect(page.locator(".chat-user")).to_have_count(2)


AVATAR = "data:image/gif;base64,R0lGODlhAQABAAAAACw="


def test_grouping_and_extra_feedback_options(page: Page, serve: Serve) -> None:
    liked: list[Any] = []
    replies = [{"role": "assistant", "content": text} for text in ("one", "two")]

    heard = threading.Event()

    def on_like(data: gr.LikeData) -> None:
        liked.append(data.liked)
        heard.set()

    with gr.Blocks() as app:
        gr.Chatbot(replies, avatar_images=(None, AVATAR), elem_id="grouped")
        apart = gr.Chatbot(
            replies,
            avatar_images=(None, AVATAR),
            group_consecutive_messages=False,
            feedback_options=["Like", "Inaccurate"],
            elem_id="apart",
        )
        apart.like(on_like, None, None)
    page.goto(serve(app))
    expect(page.locator("#grouped .chat-avatar")).to_have_count(1)
    expect(page.locator("#apart .chat-avatar")).to_have_count(2)
    actions = page.locator("#apart .chat-actions").last
    expect(actions.get_by_role("button", name="Dislike")).to_have_count(0)
    actions.get_by_role("button", name="Inaccurate").click()
    assert heard.wait(5)
    assert liked == ["Inaccurate"]


def test_chat_interface_flagging_keeps_the_reaction(
    page: Page, serve: Serve, tmp_path: Path
) -> None:
    app = gr.ChatInterface(
        lambda message, history: f"echo {message}",
        flagging_mode="manual",
        flagging_options=["Like", "Dislike", "Spam"],
        flagging_dir=tmp_path,
    )
    page.goto(serve(app))
    send(page, "flag me")
    expect(page.locator(".chat-bot").last).to_contain_text("echo flag me")
    actions = page.locator(".chat-actions").last
    actions.get_by_role("button", name="Dislike").click()
    log = tmp_path / "log.csv"
    assert holds_soon(lambda: log.exists() and "Dislike" in log.read_text(encoding="utf-8"), 10)
    assert "echo flag me" in log.read_text(encoding="utf-8")
