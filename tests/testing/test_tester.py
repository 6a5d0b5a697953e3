"""limelight.testing: a page driven in-process through the real protocol, as a browser
drives it (values, listeners and what runs after them, toasts, errors, State, files)."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import anyio
import pytest

import limelight as gr
from limelight.core.events import EventListener
from limelight.testing import AppTester, AsyncAppTester, EventRefused


def _greeter() -> tuple[gr.Blocks, gr.Textbox, gr.Textbox, gr.Button]:
    with gr.Blocks() as demo:
        name = gr.Textbox(label="Name")
        greeting = gr.Textbox(label="Greeting")
        button = gr.Button("Greet")
        button.click(lambda n: f"Hello {n}!", name, greeting, api_name="greet")
    return demo, name, greeting, button


def test_import_limelight_does_not_import_the_testing_package() -> None:
    code = "import sys, limelight; print('limelight.testing' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_without_httpx_the_import_names_the_extra() -> None:
    code = "import sys; sys.modules['httpx'] = None; import limelight.testing"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode != 0
    assert 'pip install "limelight[testing]"' in out.stderr


def test_a_click_sends_the_page_values_and_shows_the_outputs() -> None:
    demo, name, greeting, button = _greeter()
    with AppTester(demo) as page:
        page.set(name, "World")
        result = page.click(button)
        assert result.ok
        assert result.output == "Hello World!"
        assert page.value(greeting) == "Hello World!"


def test_the_page_starts_with_the_config_values_and_runs_load_listeners() -> None:
    with gr.Blocks() as demo:
        shown = gr.Textbox("initial")
        loaded = gr.Textbox()
        demo.load(lambda: "loaded", None, loaded)
    with AppTester(demo) as page:
        assert page.value(shown) == "initial"
        assert page.value(loaded) == "loaded"


def test_then_success_and_failure_follow_the_outcome() -> None:
    def fail(text: str) -> str:
        raise gr.Error("no")

    with gr.Blocks() as demo:
        box = gr.Textbox("a")
        after = gr.Textbox()
        ok, bad = gr.Button(), gr.Button()
        ok.click(str.upper, box, box).success(lambda t: "ok " + t, box, after)
        bad.click(fail, box, box).failure(lambda: "failed", None, after)
    with AppTester(demo) as page:
        assert [r.data for r in page.click(ok).all_results()] == [["A"], ["ok A"]]
        assert page.value(after) == "ok A"
        assert page.click(bad).then[0].data == ["failed"]
        assert page.value(after) == "failed"


def test_outputs_that_change_a_value_fire_its_change_listeners() -> None:
    with gr.Blocks() as demo:
        source, copy = gr.Textbox(), gr.Textbox()
        button = gr.Button()
        button.click(lambda: "new", None, source)
        source.change(lambda s: s + "!", source, copy)
    with AppTester(demo) as page:
        page.click(button)
        assert page.value(copy) == "new!"
        page.set(source, "typed")
        assert page.value(copy) == "typed!"
        assert page.set(source, "typed") == []  # the same value again changes nothing


def test_updates_change_props_and_skip_keeps_the_value() -> None:
    with gr.Blocks() as demo:
        box = gr.Textbox("kept")
        button = gr.Button()
        button.click(lambda: gr.update(visible=False, label="Hidden"), None, box)
    with AppTester(demo) as page:
        page.click(button)
        assert page.props(box)["visible"] is False
        assert page.props(box)["label"] == "Hidden"
        assert page.value(box) == "kept"


def test_generator_steps_arrive_in_order_with_diffs_applied() -> None:
    def typing(text: str) -> Any:
        shown = ""
        for word in text.split():
            shown += word
            yield shown

    with gr.Blocks() as demo:
        box, out = gr.Textbox("a b c"), gr.Textbox()
        button = gr.Button()
        button.click(typing, box, out)
    with AppTester(demo) as page:
        result = page.click(button)
    assert result.steps == [["a"], ["ab"], ["abc"]]
    assert result.data == ["abc"]


def test_toasts_errors_and_hidden_exceptions() -> None:
    def warn(text: str) -> str:
        gr.Warning("careful", title="Note")
        if text == "bad":
            raise gr.Error("Bad input", title="Oops")
        if text == "crash":
            raise RuntimeError("secret")
        return text

    with gr.Blocks() as demo:
        box = gr.Textbox()
        button = gr.Button()
        button.click(warn, box, box)
    with AppTester(demo) as page:
        page.set(box, "bad")
        failed = page.click(button)
        page.set(box, "crash")
        hidden = page.click(button)
        assert page.toasts[0].message == "careful"
        assert (page.toasts[0].level, page.toasts[0].title) == ("warning", "Note")
        assert len(page.errors) == 2
    assert failed.error is not None and not failed.ok
    assert (failed.error.message, failed.error.title) == ("Bad input", "Oops")
    assert hidden.error is not None and hidden.error.message is None
    with AppTester(demo, show_error=True) as page:
        page.set(box, "crash")
        shown = page.click(button).error
        assert shown is not None and shown.message == "secret"


def test_state_is_per_page_and_read_from_the_server() -> None:
    def add(item: str, items: list[str]) -> tuple[list[str], int]:
        return [*items, item], len(items) + 1

    with gr.Blocks() as demo:
        box = gr.Textbox("x")
        items = gr.State([])
        count = gr.Number()
        button = gr.Button()
        button.click(add, [box, items], [items, count])
        items.change(lambda i: gr.Info(f"{len(i)} items"), items, None)
    with AppTester(demo) as page:
        page.click(button)
        page.click(button)
        other = page.new_page()
        other.click(button)
        assert page.state(items) == ["x", "x"]
        assert other.state(items) == ["x"]
        assert page.value(count) == 2
        assert [t.message for t in page.toasts] == ["1 items", "2 items"]


def test_call_by_api_name_takes_parameters_and_leaves_the_page_alone() -> None:
    demo, name, greeting, _ = _greeter()
    with AppTester(demo) as page:
        assert page.call("/greet", "API").output == "Hello API!"
        assert page.value(greeting) is None
        page.set(name, "page")
        assert page.trigger("greet").output == "Hello page!"
        assert page.value(greeting) == "Hello page!"
        with pytest.raises(TypeError, match="takes 1 arguments"):
            page.call("greet")


def test_a_payload_the_server_refuses_raises() -> None:
    demo, name, _, button = _greeter()
    with AppTester(demo) as page:
        page.set(name, {"not": "text"})
        with pytest.raises(EventRefused) as refused:
            page.click(button)
    assert refused.value.status_code == 422


def test_listeners_outside_the_queue_run_through_run_predict() -> None:
    with gr.Blocks() as demo:
        box = gr.Textbox("q")
        button = gr.Button()
        button.click(str.upper, box, box, queue=False)
    with AppTester(demo) as page:
        result = page.click(button)
        assert result.messages == []
        assert page.value(box) == "Q"


def test_files_upload_as_paths_and_download(tmp_path: Path) -> None:
    source = tmp_path / "in.txt"
    source.write_text("hello file")

    def shout(path: str) -> str:
        out = Path(path).with_name("out.txt")
        out.write_text(Path(path).read_text().upper())
        return str(out)

    with gr.Blocks() as demo:
        given, made = gr.File(), gr.File()
        given.upload(shout, given, made)
    with AppTester(demo) as page:
        page.set(given, source)
        page.trigger(given, "upload")
        assert page.value(given)["orig_name"] == "in.txt"
        assert page.download(page.value(made)) == b"HELLO FILE"
        assert page.upload(b"raw", "raw.bin")["size"] == 3


def test_rendered_components_are_found_and_driven() -> None:
    with gr.Blocks() as demo:
        count = gr.Number(2)
        clicked = gr.Textbox()

        @gr.render(inputs=count)
        def buttons(n: float) -> None:
            for i in range(int(n)):
                gr.Button(f"b{i}").click(lambda i=i: f"clicked {i}", None, clicked)

    with AppTester(demo) as page:
        page.click(page.find(type="button", value="b1"))
        assert page.value(clicked) == "clicked 1"
        page.set(count, 1)
        with pytest.raises(LookupError):
            page.find(type="button", value="b1")
        page.click(page.find(type="button", value="b0"))
        assert page.value(clicked) == "clicked 0"


def test_a_failure_inside_the_block_propagates_and_stops_the_app() -> None:
    demo, *_ = _greeter()
    with pytest.raises(AssertionError, match="inside"), AppTester(demo):
        raise AssertionError("inside")
    with AppTester(demo) as page:  # the same app serves again
        assert page.call("greet", "again").output == "Hello again!"


@pytest.mark.anyio
async def test_the_async_tester_does_the_same_in_async_tests() -> None:
    demo, name, greeting, button = _greeter()
    async with AsyncAppTester(demo) as page:
        await page.set(name, "async")
        assert (await page.click(button)).output == "Hello async!"
        other = await page.new_page()
        assert other.value(greeting) is None


def test_a_stream_event_runs_on_the_value_as_one_chunk() -> None:
    class StreamingTextbox(gr.Textbox):
        stream = EventListener("stream")

    with gr.Blocks() as demo:
        source = StreamingTextbox()
        heard = gr.Textbox()
        source.stream(lambda chunk: f"heard {chunk}", source, heard)
    with AppTester(demo) as page:
        for chunk in ("a", "b"):
            page.set(source, chunk)
            result = page.trigger(source, "stream")
            assert result.data == [f"heard {chunk}"]
            assert page.value(heard) == f"heard {chunk}"


@pytest.mark.anyio
async def test_a_stop_button_cancels_the_running_event() -> None:
    started, release = threading.Event(), threading.Event()

    def count() -> Any:
        yield 1
        started.set()
        release.wait(5.0)  # holds the event running until the test has pressed Stop
        yield 2

    with gr.Blocks() as demo:
        shown = gr.Number()
        start, stop = gr.Button("Count"), gr.Button("Stop")
        run = start.click(count, None, shown)
        stop.click(None, None, None, cancels=[run])
    async with AsyncAppTester(demo) as page, anyio.create_task_group() as tasks:
        results: list[Any] = []

        async def counting() -> None:
            results.append(await page.click(start))

        tasks.start_soon(counting)
        await anyio.to_thread.run_sync(started.wait, 5.0)
        stopped = await page.click(stop)
        release.set()
    assert stopped.data == [] and stopped.fn_index == 1
    assert results[0].cancelled and results[0].steps == [[1]]
