"""``gr.Interface``: an app from one function."""

from __future__ import annotations

import pytest

import limelight as gr
from limelight.app.config import build_config
from limelight.testing import AsyncAppTester
from tests.support import asgi_client


def greet(name: str, intensity: int) -> str:
    return "Hello, " + name + "!" * int(intensity)


def _buttons(demo: gr.Interface) -> dict[str, gr.Button]:
    return {b.value: b for b in demo.blocks.values() if isinstance(b, gr.Button)}


def test_string_shortcuts_make_components() -> None:
    demo = gr.Interface(greet, ["text", "number"], "textbox")
    assert [type(c) for c in demo.input_components] == [gr.Textbox, gr.Number]
    assert [type(c) for c in demo.output_components] == [gr.Textbox]


def test_classes_and_instances_are_accepted() -> None:
    slider = gr.Slider(1, 5, label="How much")
    demo = gr.Interface(greet, [gr.Textbox, slider], gr.Textbox())
    assert isinstance(demo.input_components[0], gr.Textbox)
    assert demo.input_components[1] is slider
    assert slider.label == "How much"


def test_unknown_shortcut_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match=r"Unknown component shortcut 'nope'; known ones: .*text"):
        gr.Interface(greet, ["nope"], "text")


def test_labels_default_to_parameter_names() -> None:
    demo = gr.Interface(greet, ["text", gr.Number(label="Given")], "text")
    assert [c.label for c in demo.input_components] == ["name", "Given"]
    assert demo.output_components[0].label == "output"


def test_several_outputs_are_numbered() -> None:
    demo = gr.Interface(lambda x: (x, x), "text", ["text", "text"])
    assert [c.label for c in demo.output_components] == ["output 0", "output 1"]


def test_main_event_is_named_after_the_function() -> None:
    demo = gr.Interface(greet, ["text", "number"], "text")
    main = demo.fns[0]
    assert main.api_name == "greet"
    assert main.inputs == demo.input_components
    assert main.outputs == demo.output_components
    assert build_config(demo)["mode"] == "interface"


def test_submit_button_and_textbox_submit_trigger_the_function() -> None:
    demo = gr.Interface(greet, ["text", "number"], "text")
    submit = _buttons(demo)["Submit"]
    assert demo.fns[0].targets == [(submit, "click"), (demo.input_components[0], "submit")]


def test_multiline_textbox_does_not_submit_on_enter() -> None:
    demo = gr.Interface(lambda t: t, gr.Textbox(lines=3), "text")
    assert [event for _, event in demo.fns[0].targets] == ["click"]


def test_state_is_shared_between_inputs_and_outputs() -> None:
    def count(text: str, seen: int | None) -> tuple[str, int]:
        return text, (seen or 0) + 1

    demo = gr.Interface(count, ["text", "state"], ["text", "state"])
    state_in = demo.input_components[1]
    assert isinstance(state_in, gr.State)
    assert demo.output_components[1] is state_in


def test_an_output_state_is_the_input_state() -> None:
    given = gr.State(lambda: "a")
    demo = gr.Interface(lambda t, s: (t, s), ["text", given], ["text", gr.State(lambda: "b")])
    assert demo.output_components[1] is given
    loads = [dep for dep in demo.fns if (demo, "load") in dep.targets]
    assert [dep.outputs for dep in loads] == [[given]]


def test_an_interface_needs_one_state_input_for_one_state_output() -> None:
    with pytest.raises(ValueError, match="exactly one State input and one State output"):
        gr.Interface(lambda t: t, "text", ["text", "state"])


@pytest.mark.anyio
async def test_state_is_carried_between_calls() -> None:
    def count(text: str, seen: int | None) -> tuple[str, int]:
        seen = (seen or 0) + 1
        return f"{text} {seen}", seen

    demo = gr.Interface(count, ["text", "state"], ["text", "state"])
    async with AsyncAppTester(demo) as page:
        first = await page.call("count", "a")
        second = await page.call("count", "b")
    assert first.data == ["a 1", None]
    assert second.data == ["b 2", None]


def test_clear_empties_the_form_in_the_page_as_gradio_does() -> None:
    demo = gr.Interface(greet, ["text", gr.Slider(1, 5, value=2)], "text")
    clear = _buttons(demo)["Clear"]
    empties, reshow, _flag_reset = [d for d in demo.fns if d.targets == [(clear, "click")]]
    assert (empties.api_name, empties.api_visibility, empties.fn) == ("js_fn", "private", None)
    assert empties.outputs == [*demo.input_components, *demo.output_components]
    assert empties.js == "() => [null, 1, null]"
    assert reshow.api_name == "js_fn_1"
    assert reshow.outputs == [demo.input_column]


def test_no_clear_button_when_disabled() -> None:
    demo = gr.Interface(greet, ["text", "number"], "text", clear_btn=None, flagging_mode="never")
    assert "Clear" not in _buttons(demo)
    assert len(demo.fns) == 1


def test_live_listens_to_changes_without_a_submit_button() -> None:
    demo = gr.Interface(greet, ["text", "number", "state"], ["text", "state"], live=True)
    assert "Submit" not in _buttons(demo)
    text, number, _ = demo.input_components
    assert demo.fns[0].targets == [(text, "change"), (number, "change")]


def test_live_streams_a_streaming_input_chunk_by_chunk() -> None:
    webcam = gr.Image(sources=["webcam"], streaming=True)
    demo = gr.Interface(lambda im, n: im, [webcam, "number"], "image", live=True, time_limit=9)
    number = demo.input_components[1]
    dep = demo.fns[0]
    assert dep.targets == [(webcam, "stream"), (number, "change")]
    assert (dep.connection, dep.trigger_mode, dep.show_progress) == ("stream", "multiple", "hidden")
    assert dep.time_limit == 9
    # A webcam that only takes pictures is an ordinary live input.
    snapshots = gr.Interface(lambda im: im, gr.Image(sources=["webcam"]), "image", live=True)
    assert snapshots.fns[0].targets[0][1] == "change"


def test_no_inputs_gets_a_generate_button() -> None:
    demo = gr.Interface(lambda: "made", None, "text")
    generate = _buttons(demo)["Generate"]
    assert demo.fns[0].targets == [(generate, "click")]


def test_title_description_and_article_are_markdown() -> None:
    demo = gr.Interface(greet, ["text", "number"], "text", title="T", description="D", article="A")
    texts = [b.value for b in demo.blocks.values() if isinstance(b, gr.Markdown)]
    assert texts == ["# T", "D", "A"]
    assert demo.title == "T"


def test_additional_inputs_follow_the_inputs() -> None:
    extra = gr.Number(label="Extra")
    demo = gr.Interface(greet, "text", "text", additional_inputs=[extra])
    assert demo.input_components[1] is extra
    assert demo.fns[0].inputs[1] is extra


def test_api_name_can_be_changed_or_hidden() -> None:
    assert gr.Interface(greet, ["text", "number"], "text", api_name="hi").fns[0].api_name == "hi"
    hidden = gr.Interface(greet, ["text", "number"], "text", api_name=False)
    assert hidden.fns[0].api_visibility == "private"


@pytest.mark.anyio
async def test_the_function_runs_through_the_call_api() -> None:
    demo = gr.Interface(greet, ["text", gr.Slider(1, 5, value=1, step=1)], "text")
    async with asgi_client(demo) as client:
        started = await client.post("/gradio_api/call/greet", json={"data": ["Ann", 3]})
        event_id = started.json()["event_id"]
        stream = await client.get(f"/gradio_api/call/greet/{event_id}")
    assert "event: complete" in stream.text
    assert '["Hello, Ann!!!"]' in stream.text


def test_preset_shortcuts_set_their_arguments() -> None:
    from limelight.components import component_from

    table = component_from("numpy")
    assert isinstance(table, gr.Dataframe) and table.type == "numpy"
    box = component_from("textarea")
    assert isinstance(box, gr.Textbox) and box.lines == 7
    demo = gr.Interface(lambda m: m, "matrix", "numpy", api_name="predict")
    matrix, numpy = (*demo.input_components, *demo.output_components)
    assert isinstance(matrix, gr.Matrix) and matrix.type == "array"
    assert isinstance(numpy, gr.Numpy) and numpy.type == "numpy"
    assert isinstance(component_from("files"), gr.Files)


def test_additional_inputs_sit_in_a_closed_accordion() -> None:
    demo = gr.Interface(
        lambda text, extra: text,
        "text",
        "text",
        additional_inputs=[gr.Textbox(label="extra")],
        additional_inputs_accordion="More settings",
    )
    accordion = next(b for b in demo.walk() if isinstance(b, gr.Accordion))
    assert (accordion.label, accordion.open) == ("More settings", False)
    assert [c.label for c in accordion.children] == ["extra"]
    assert demo.fns[0].inputs == demo.input_components


def test_example_labels_and_listener_options_reach_their_places() -> None:
    demo = gr.Interface(
        str.upper,
        "text",
        "text",
        examples=[["a"], ["b"]],
        example_labels=["First", "Second"],
        api_visibility="undocumented",
        time_limit=5,
    )
    assert demo.examples_handler is not None
    assert demo.examples_handler.dataset.sample_labels == ["First", "Second"]
    assert (demo.fns[0].api_visibility, demo.fns[0].time_limit) == ("undocumented", 5)


def test_a_generator_gets_a_stop_button_that_cancels_it() -> None:
    def count(n: float):
        yield from range(int(n))

    demo = gr.Interface(count, "number", "number")
    stop = next(b for b in demo.walk() if isinstance(b, gr.Button) and b.value == "Stop")
    assert stop.visible is False
    cancelling = next(d for d in demo.fns if d.targets == [(stop, "click")])
    assert demo.fns[0].id in cancelling.cancels
    assert not any(
        b.value == "Stop"
        for b in gr.Interface(str.upper, "text", "text").walk()
        if isinstance(b, gr.Button)
    )
    assert not any(
        b.value == "Stop"
        for b in gr.Interface(count, "number", "number", stop_btn=False).walk()
        if isinstance(b, gr.Button)
    )


def test_deep_link_adds_a_share_button_enabled_by_the_first_result() -> None:
    demo = gr.Interface(lambda x: x, "text", "text", deep_link="Share")
    (button,) = [b for b in demo.blocks.values() if isinstance(b, gr.DeepLinkButton)]
    assert button.value == "Share" and button.interactive is False
    enable = demo.fns[-1]
    assert enable.outputs == [button] and enable.trigger_after == demo.fns[0].id
    assert enable.js_implementation == '() => [{"__type__": "update", "interactive": true}]'
    plain = gr.Interface(lambda x: x, "text", "text", deep_link=False)
    assert not any(isinstance(b, gr.DeepLinkButton) for b in plain.blocks.values())


def classify(text: str) -> str:
    return text


def classify2(text: str) -> str:
    return text


class Model:
    def __call__(self, text: str) -> str:
        return text


def _public(demo: gr.Blocks) -> list[str]:
    return [d.api_name for d in demo.fns if d.api_visibility == "public"]


def test_the_endpoint_is_named_as_gradio_names_it() -> None:
    # Each name below is what Gradio 6.31's /gradio_api/info shows for the same app.
    assert _public(gr.Interface(classify, "text", "text")) == ["classify"]
    assert _public(gr.Interface(lambda x: x, "text", "text")) == ["lambda"]
    assert _public(gr.Interface(Model(), "text", "text")) == ["Model"]
    assert _public(gr.Interface(classify, "text", "text", api_name="foo")) == ["foo"]
    assert _public(gr.Interface(lambda: "x", None, "text")) == ["lambda"]


def test_tabbed_interfaces_number_their_endpoints_as_gradio_does() -> None:
    tabs = [
        gr.Interface(classify, "text", "text"),
        gr.Interface(classify, "text", "text"),
        gr.Interface(lambda x: x, "text", "text"),
    ]
    # The third is lambda_2: each Interface's flag button has a helper named "lambda".
    assert _public(gr.TabbedInterface(tabs)) == ["classify", "classify_1", "lambda_2"]
    two = [gr.Interface(classify, "text", "text"), gr.Interface(classify2, "text", "text")]
    assert _public(gr.TabbedInterface(two)) == ["classify", "classify2"]


def test_interfaces_inside_blocks_number_their_endpoints_as_gradio_does() -> None:
    with gr.Blocks() as demo:
        gr.Interface(classify, "text", "text")
        gr.Interface(classify, "text", "text")
        box = gr.Textbox()
        box.change(classify, box, box)
        box.submit(lambda x: x, box, box)
        box.blur(Model(), box, box)
    assert _public(demo) == ["classify", "classify_1", "classify_2", "lambda_2", "Model"]


def test_helper_listeners_are_named_as_in_gradio() -> None:
    demo = gr.Interface(classify, "text", "text", examples=[["a"]])
    hidden = [d.api_name for d in demo.fns if d.api_visibility == "undocumented"]
    assert hidden == ["lambda", "Flag", "reset", "load_example"]
