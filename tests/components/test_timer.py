"""Timer: ticks, and callable values that rerun with every= and inputs=."""

from __future__ import annotations

import pytest

import limelight as gr
from limelight.components import PayloadError


def test_timer_props_and_tick_event() -> None:
    with gr.Blocks() as demo:
        timer = gr.Timer(0.5, active=False)
        out = gr.Number()
        dep = timer.tick(lambda: 1, None, out)
    assert timer.config()["props"]["value"] == 0.5
    assert timer.config()["props"]["active"] is False
    assert dep.targets == [(timer, "tick")]
    assert timer in demo.children


def test_negative_interval_is_refused() -> None:
    with pytest.raises(PayloadError):
        gr.Timer().preprocess(-1)


def test_every_adds_a_timer_tick_trigger() -> None:
    with gr.Blocks() as demo:
        clock = gr.Textbox(value=lambda: "now", every=2)
    (dep,) = demo.fns
    timers = [b for b in demo.children if isinstance(b, gr.Timer)]
    assert len(timers) == 1
    assert timers[0].value == 2.0
    assert dep.targets == [(demo, "load"), (timers[0], "tick")]
    assert dep.outputs == [clock]
    assert dep.show_progress == "hidden"


def test_every_takes_an_existing_timer() -> None:
    with gr.Blocks() as demo:
        timer = gr.Timer(3)
        gr.Number(value=lambda: 1, every=timer)
    assert demo.fns[0].targets[1] == (timer, "tick")
    assert [b for b in demo.children if isinstance(b, gr.Timer)] == [timer]


def test_inputs_rerun_the_value_on_change() -> None:
    with gr.Blocks() as demo:
        a = gr.Number(1)
        b = gr.Number(2)
        total = gr.Number(value=lambda x, y: x + y, inputs=[a, b])
    (dep,) = demo.fns
    assert dep.inputs == [a, b]
    assert dep.outputs == [total]
    assert dep.targets == [(demo, "load"), (a, "change"), (b, "change")]


def test_load_with_every() -> None:
    with gr.Blocks() as demo:
        out = gr.Number()
        dep = demo.load(lambda: 1, None, out, every=1.5)
    timer = dep.targets[1][0]
    assert isinstance(timer, gr.Timer)
    assert timer.value == 1.5


def test_bad_every_is_an_error() -> None:
    with pytest.raises(ValueError, match="every="):  # noqa: SIM117
        with gr.Blocks():
            gr.Number(value=lambda: 1, every="often")  # type: ignore[arg-type]
