"""Apps inside apps: an Interface in a Blocks, TabbedInterface, ChatInterface.chatbot_value."""

from __future__ import annotations

from typing import Any

import pytest

import limelight as gr
from limelight.app.config import build_config
from tests.support import asgi_client, completion, run_event

pytestmark = pytest.mark.anyio


def endpoints(demo: gr.Blocks) -> dict[str, int]:
    return {d.api_name: d.id for d in demo.fns if d.api_name and d.api_visibility == "public"}


async def call(demo: gr.Blocks, fn_index: int, data: list[Any]) -> Any:
    async with asgi_client(demo) as client:
        return completion(await run_event(client, fn_index, data))["output"]["data"]


async def test_an_interface_built_inside_blocks_joins_it() -> None:
    with gr.Blocks() as demo:
        gr.Markdown("outer")
        inner = gr.Interface(lambda x: x[::-1], "text", "text", api_name="predict")
        box = gr.Textbox()
        gr.Button().click(lambda: "outer", None, box, api_name="predict")
    assert inner.fns == []
    named = endpoints(demo)
    assert set(named) == {"predict", "predict_1"}
    assert [d.id for d in demo.fns] == list(range(len(demo.fns)))
    config = build_config(demo)
    layout_ids = str(config["layout"])
    assert all(f"'id': {c.id}" in layout_ids for c in inner.input_components)
    assert await call(demo, named["predict"], ["abc"]) == ["cba"]
    assert await call(demo, named["predict_1"], []) == ["outer"]


async def test_listeners_added_to_the_inner_app_later_reach_the_outer_one() -> None:
    with gr.Blocks() as demo:
        inner = gr.Interface(str.upper, "text", "text")
        out = gr.Textbox()
    dep = inner.load(lambda: "loaded", None, out)
    assert dep in demo.fns and dep.targets == [(demo, "load")]


async def test_cancels_and_then_chains_keep_pointing_at_the_moved_events() -> None:
    def count(n: float):
        yield from range(int(n))

    with gr.Blocks() as demo:
        gr.Markdown("first")
        gr.Button().click(lambda: None, None, None)
        inner = gr.Interface(count, "number", "number")
    stop = next(d for d in demo.fns if d.cancels)
    main = next(d for d in demo.fns if d.fn is count)
    assert stop.cancels == [main.id]
    chained = [d for d in demo.fns if d.trigger_after is not None]
    assert chained and all(d.trigger_after in {x.id for x in demo.fns} for d in chained)
    assert inner.fns == []


async def test_tabbed_interface_keeps_each_apps_endpoints() -> None:
    hello = gr.Interface(lambda name: "Hello " + name, "text", "text", api_name="predict")
    bye = gr.Interface(lambda name: "Bye " + name, "text", "text", api_name="predict")
    chat = gr.ChatInterface(lambda message, history: "Hi " + message, api_name="chat")
    demo = gr.TabbedInterface([hello, bye, chat], ["Hello", "Bye"], title="Greetings")
    tabs = [b for b in demo.walk() if isinstance(b, gr.Tab)]
    assert [t.label for t in tabs] == ["Hello", "Bye", "Tab 3"]
    named = endpoints(demo)
    assert {"predict", "predict_1", "chat"} <= set(named)
    assert await call(demo, named["predict"], ["Ada"]) == ["Hello Ada"]
    assert await call(demo, named["predict_1"], ["Ada"]) == ["Bye Ada"]
    with pytest.raises(ValueError, match="tab_names"):
        gr.TabbedInterface([hello], ["a", "b"])


async def test_setting_chatbot_value_shows_that_conversation() -> None:
    conversation = [
        {"role": "user", "content": "Hi there!"},
        {"role": "assistant", "content": "Hello!"},
    ]
    with gr.Blocks() as demo:
        choice = gr.Radio(["Greeting", "Blank"])
        chat = gr.ChatInterface(lambda message, history: "ok")
        choice.change(lambda c: conversation if c == "Greeting" else [], choice, chat.chatbot_value)
    mirror = next(d for d in demo.fns if d.targets == [(chat.chatbot_value, "change")])
    assert mirror.outputs == [chat.chatbot]
    assert isinstance(chat.chatbot_value, gr.State)
