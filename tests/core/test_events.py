"""Event listeners: direct and decorator forms, ``gr.on``, and where they may be used."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

import limelight as gr
from limelight.app.api_info import parameter_names
from limelight.app.execution import CallContext, run_dependency
from limelight.app.session_data import SessionData
from limelight.core.events import EventListener
from limelight.testing import AppTester


def test_decorator_form_registers_and_returns_the_function() -> None:
    with gr.Blocks() as demo:
        box = gr.Textbox()
        out = gr.Textbox()
        btn = gr.Button()

        @btn.click(inputs=box, outputs=out)
        def shout(text: str) -> str:
            return text.upper()

    assert shout("a") == "A"
    (dep,) = demo.fns
    assert dep.fn is shout
    assert dep.targets == [(btn, "click")]
    assert dep.inputs == [box] and dep.outputs == [out]
    assert dep.api_name == "shout"


def test_decorator_passes_options() -> None:
    with gr.Blocks() as demo:
        btn = gr.Button()

        @btn.click(api_name="custom", show_progress="hidden")
        def noop() -> None:
            return None

    (dep,) = demo.fns
    assert dep.api_name == "custom"
    assert dep.show_progress == "hidden"


def test_js_only_listener_is_not_a_decorator() -> None:
    with gr.Blocks() as demo:
        btn = gr.Button()
        dep = btn.click(None, None, None, js="() => 1")
    assert demo.fns == [dep]
    assert dep.fn is None


def test_on_with_several_triggers() -> None:
    with gr.Blocks() as demo:
        box = gr.Textbox()
        btn = gr.Button()
        out = gr.Textbox()
        dep = gr.on([btn.click, box.submit], lambda x: x, box, out)
    assert dep.targets == [(btn, "click"), (box, "submit")]
    assert demo.fns == [dep]


def test_on_with_one_trigger() -> None:
    with gr.Blocks():
        btn = gr.Button()
        dep = gr.on(btn.click, lambda: None)
    assert dep.targets == [(btn, "click")]


def test_on_without_triggers_listens_to_input_changes() -> None:
    with gr.Blocks():
        a = gr.Number()
        b = gr.Number()
        out = gr.Number()
        dep = gr.on(None, lambda x, y: x + y, [a, b], out)
        single = gr.on(None, lambda x: x, a, out)
    assert dep.targets == [(a, "change"), (b, "change")]
    assert single.targets == [(a, "change")]


def test_listener_outside_blocks_is_a_clear_error() -> None:
    btn = gr.Button()
    with pytest.raises(RuntimeError, match=r"inside a `with gr.Blocks\(\):` block"):
        btn.click(lambda: None)
    with pytest.raises(RuntimeError, match="inside a"):
        gr.on([btn.click], lambda: None)


def test_decorator_outside_blocks_is_a_clear_error() -> None:
    btn = gr.Button()
    with pytest.raises(RuntimeError, match="inside a"):

        @btn.click()
        def noop() -> None:
            return None


def test_listener_after_the_blocks_closed_is_an_error() -> None:
    with gr.Blocks():
        btn = gr.Button()
    with pytest.raises(RuntimeError, match="inside a"):
        btn.click(lambda: None)


def test_listeners_inside_layouts_register_on_the_app() -> None:
    with gr.Blocks() as demo, gr.Row(), gr.Column():
        btn = gr.Button()
        dep = btn.click(lambda: None)
    assert demo.fns == [dep]


def test_event_listener_on_the_class_is_the_declaration() -> None:
    declared = gr.Button.click
    assert isinstance(declared, EventListener)
    assert declared.name == "click"
    assert declared.__doc__


def test_accordion_and_tabs_events() -> None:
    with gr.Blocks():
        with gr.Accordion("A") as accordion:
            pass
        with gr.Tabs() as tabs, gr.Tab("one") as tab:
            pass
        deps = [accordion.expand(lambda: None), tabs.select(lambda: None), tab.select(lambda: None)]
    assert [d.targets[0][1] for d in deps] == ["expand", "select", "select"]


def test_set_of_inputs_passes_a_dict() -> None:
    seen: dict[Any, Any] = {}
    with gr.Blocks() as demo:
        a = gr.Textbox()
        b = gr.Number()
        out = gr.Textbox()

        def combine(values: dict[Any, Any]) -> str:
            seen.update(values)
            return f"{values[a]}-{values[b]}"

        button = gr.Button()
        button.click(combine, {a, b}, out)
    with AppTester(demo) as page:
        page.set(a, "x")
        page.set(b, 2)
        page.click(button)
        assert page.value(out) == "x-2"
    assert seen == {a: "x", b: 2}


def test_dict_return_updates_only_named_outputs() -> None:
    with gr.Blocks() as demo:
        a = gr.Textbox("kept")
        b = gr.Textbox()
        button = gr.Button()
        button.click(lambda: {b: "only b"}, None, [a, b])
    with AppTester(demo) as page:
        done = page.click(button)
        assert (page.value(a), page.value(b)) == ("kept", "only b")
    assert done.data == [{"__type__": "update"}, "only b"]


def test_dict_inputs_pass_keyword_arguments() -> None:
    def greet(*, greeting: str, name: str) -> str:
        return f"{greeting}, {name}!"

    with gr.Blocks() as demo:
        hello, who, out = gr.Textbox(), gr.Textbox(), gr.Textbox()
        dep = gr.Button().click(greet, {"name": who, "greeting": hello}, out)
    assert dep.inputs == [who, hello]

    async def run() -> list[object]:
        results = []
        async for payloads in run_dependency(dep, ["Ada", "Hi"], CallContext(SessionData())):
            results.append(payloads)
        return results

    assert asyncio.run(run()) == [["Hi, Ada!"]]
    assert parameter_names(dep) == ["name", "greeting"]
    assert demo.fns == [dep]


def test_load_decorates_a_function_when_given_none() -> None:
    with gr.Blocks() as demo:
        shown = gr.Textbox()

        @demo.load(inputs=None, outputs=shown)
        def greet() -> str:
            return "hi"

    assert greet() == "hi"
    assert demo.fns[0].targets == [(demo, "load")]
