"""Per-session State values: time to live and delete callbacks, on a clock we control."""

from __future__ import annotations

import limelight as gr
from limelight.app.session_data import SessionData


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_state_value_starts_as_a_copy_of_the_initial_value() -> None:
    state = gr.State([1])
    session = SessionData()
    session.state_value(state).append(2)
    assert session.state_value(state) == [1, 2]
    assert state.initial() == [1]


def test_time_to_live_resets_the_value_and_calls_the_callback() -> None:
    deleted: list[object] = []
    state = gr.State(0, time_to_live=10, delete_callback=deleted.append)
    clock = Clock()
    session = SessionData(clock=clock)
    session.set_state(state, 5)
    clock.now = 9
    assert session.state_value(state) == 5
    clock.now = 21
    assert session.state_value(state) == 0
    assert deleted == [5]


def test_closing_a_session_hands_values_to_delete_callbacks() -> None:
    deleted: list[object] = []
    kept, dropped = gr.State("a"), gr.State("b", delete_callback=deleted.append)
    session = SessionData()
    session.state_value(kept)
    session.set_state(dropped, "gone")
    session.close([kept, dropped])
    assert deleted == ["gone"]
    assert session.states == {}
