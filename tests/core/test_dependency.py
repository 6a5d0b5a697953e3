"""Dependencies: default endpoint names, visibility and chained events."""

from __future__ import annotations

import functools

import limelight as gr
from limelight.app.config import build_config


def greet(name: str) -> str:
    return f"Hello {name}"


def _app() -> tuple[gr.Blocks, gr.Textbox, gr.Textbox, gr.Button]:
    with gr.Blocks() as demo:
        box = gr.Textbox()
        out = gr.Textbox()
        btn = gr.Button()
    return demo, box, out, btn


def test_default_api_name_is_the_function_name() -> None:
    demo, box, out, btn = _app()
    with demo:
        dep = btn.click(greet, box, out)
    assert dep.api_name == "greet"
    assert dep.api_visibility == "public"


def test_lambdas_are_named_lambda() -> None:
    demo, box, out, btn = _app()
    with demo:
        dep = btn.click(lambda x: x, box, out)
    assert dep.api_name == "lambda"


def test_duplicate_names_get_numbered() -> None:
    demo, box, out, btn = _app()
    with demo:
        names = [btn.click(greet, box, out).api_name for _ in range(3)]
        lambdas = [btn.click(lambda x: x, box, out).api_name for _ in range(3)]
    assert names == ["greet", "greet_1", "greet_2"]
    assert lambdas == ["lambda", "lambda_1", "lambda_2"]


def test_explicit_api_name_wins_and_loses_its_slash() -> None:
    demo, box, out, btn = _app()
    with demo:
        dep = btn.click(greet, box, out, api_name="/hello")
        taken = btn.click(greet, box, out, api_name="hello")
    assert dep.api_name == "hello"
    assert taken.api_name == "hello_1"


def test_callable_objects_use_their_class_name() -> None:
    class Model:
        def __call__(self, text: str) -> str:
            return text

    demo, box, out, btn = _app()
    with demo:
        dep = btn.click(Model(), box, out)
    assert dep.api_name == "Model"


def test_api_name_false_makes_the_endpoint_private() -> None:
    demo, box, out, btn = _app()
    with demo:
        dep = btn.click(greet, box, out, api_name=False)
    assert dep.api_name == "false"  # as Gradio names it; nothing can call it
    assert dep.api_visibility == "private"
    assert demo.endpoint("greet") is None
    assert demo.endpoint("false") is None


def test_hidden_listeners_take_names_as_in_gradio() -> None:
    demo, box, out, btn = _app()
    with demo:
        js_only = btn.click(None, box, out, js="(x) => x")
        nothing = btn.click(None, box, out)
        first = btn.click(lambda x: x, box, out, api_visibility="undocumented")
        public = btn.click(lambda x: x, box, out)
    assert (js_only.api_name, nothing.api_name) == ("js_fn", "unnamed")
    assert (first.api_name, public.api_name) == ("lambda", "lambda_1")


def test_partials_are_named_partial() -> None:
    demo, box, out, btn = _app()
    with demo:
        dep = btn.click(functools.partial(greet), box, out)
    assert dep.api_name == "partial"


def test_show_api_false_is_undocumented_but_callable() -> None:
    demo, box, out, btn = _app()
    with demo:
        dep = btn.click(greet, box, out, show_api=False)
    assert dep.api_visibility == "undocumented"
    assert dep.api_name == "greet"
    assert demo.endpoint("greet") is dep


def test_api_visibility_option() -> None:
    demo, box, out, btn = _app()
    with demo:
        dep = btn.click(greet, box, out, api_visibility="undocumented")
    assert dep.api_visibility == "undocumented"


def test_no_function_means_private_and_no_backend() -> None:
    demo, box, out, btn = _app()
    with demo:
        dep = btn.click(None, box, out, js="(x) => x")
    assert dep.api_name == "js_fn"
    assert dep.api_visibility == "private"
    config = build_config(demo)["dependencies"][dep.id]
    assert config["backend_fn"] is False
    assert config["js"] == "(x) => x"


def test_positional_none_fn_registers_a_dependency() -> None:
    # Gradio's stop-button idiom: ``stop.click(None, None, None, cancels=[run])``.
    demo, box, out, btn = _app()
    with demo:
        dep = btn.click(None, box, out)
    assert demo.fns == [dep]
    assert dep.fn is None
    assert dep.api_name == "unnamed"
    assert dep.api_visibility == "private"


def test_fn_index_is_the_position() -> None:
    demo, box, out, btn = _app()
    with demo:
        deps = [btn.click(greet, box, out) for _ in range(3)]
    assert [d.id for d in deps] == [0, 1, 2]
    assert demo.dependency(1) is deps[1]
    assert demo.dependency(3) is None
    assert demo.dependency(-1) is None


def test_then_success_failure_chain_after_their_upstream() -> None:
    demo, box, out, btn = _app()
    with demo:
        first = btn.click(greet, box, out)
        then = first.then(greet, out, box)
        success = first.success(greet, out, box)
        failure = then.failure(greet, out, box)
    config = build_config(demo)["dependencies"]
    assert config[then.id]["targets"] == [[None, "then"]]
    assert config[then.id]["trigger_after"] == first.id
    assert config[success.id]["targets"] == [[None, "success"]]
    assert config[success.id]["trigger_after"] == first.id
    assert config[success.id]["trigger_only_on_success"] is True
    assert config[success.id]["trigger_only_on_failure"] is False
    assert config[failure.id]["targets"] == [[None, "failure"]]
    assert config[failure.id]["trigger_after"] == then.id
    assert config[failure.id]["trigger_only_on_failure"] is True
    assert config[then.id]["trigger_only_on_success"] is False
    assert config[first.id]["trigger_after"] is None


def test_chained_events_are_named_too() -> None:
    demo, box, out, btn = _app()
    with demo:
        then = btn.click(greet, box, out).then(greet, out, box)
    assert then.api_name == "greet_1"


def test_cancels_lists_the_cancelled_ids() -> None:
    demo, box, out, btn = _app()
    with demo:
        slow = btn.click(greet, box, out)
        stop = btn.click(None, None, None, cancels=[slow])
        stop_one = btn.click(None, None, None, cancels=slow)
    assert stop.cancels == [slow.id]
    assert stop_one.cancels == [slow.id]


def test_single_blocks_and_lists_are_both_accepted() -> None:
    demo, box, out, btn = _app()
    with demo:
        one = btn.click(greet, box, out)
        many = btn.click(greet, [box], (out,))
        none = btn.click(lambda: None)
    assert one.inputs == many.inputs == [box]
    assert one.outputs == many.outputs == [out]
    assert none.inputs == [] and none.outputs == []


def test_generators_are_marked() -> None:
    def stream(x: str):  # type: ignore[no-untyped-def]
        yield x

    async def astream(x: str):  # type: ignore[no-untyped-def]
        yield x

    demo, box, out, btn = _app()
    with demo:
        sync = btn.click(stream, box, out)
        agen = btn.click(astream, box, out)
        plain = btn.click(greet, box, out)
    config = build_config(demo)["dependencies"]
    assert config[sync.id]["types"] == {"generator": True, "cancel": False}
    assert config[agen.id]["types"]["generator"] is True
    assert config[plain.id]["types"]["generator"] is False
