"""``gr.Error``, ``gr.Info``, ``gr.Warning`` and ``gr.Success`` outside the server."""

from __future__ import annotations

import logging
from typing import Any

import pytest

import limelight as gr
from limelight._reporting import current_reporter, reporting_to, reset


def test_error_carries_its_message_and_display_options() -> None:
    error = gr.Error("Bad input", duration=5, visible=False, title="Oops")
    assert str(error) == "Bad input"
    assert (error.message, error.duration, error.visible, error.title) == (
        "Bad input",
        5,
        False,
        "Oops",
    )
    assert isinstance(error, Exception)


def test_error_defaults() -> None:
    error = gr.Error()
    assert error.message == "Error raised."
    assert (error.duration, error.visible, error.title) == (10, True, "Error")
    assert error.print_exception is True


@pytest.mark.parametrize(
    ("toast", "level", "title"),
    [
        (gr.Info, "info", "Info"),
        (gr.Warning, "warning", "Warning"),
        (gr.Success, "success", "Success"),
    ],
)
def test_toasts_go_to_the_running_event(toast: Any, level: str, title: str) -> None:
    sent: list[dict[str, Any]] = []
    token = reporting_to(sent.append)
    try:
        toast("hello")
    finally:
        reset(token)
    assert sent == [
        {
            "msg": "log",
            "log": "hello",
            "level": level,
            "duration": 10,
            "visible": True,
            "title": title,
        }
    ]
    assert current_reporter() is None


def test_toast_options() -> None:
    sent: list[dict[str, Any]] = []
    token = reporting_to(sent.append)
    try:
        gr.Warning("careful", duration=None, visible=False, title="Heads up")
    finally:
        reset(token)
    assert sent[0]["duration"] is None
    assert sent[0]["visible"] is False
    assert sent[0]["title"] == "Heads up"


def test_toast_outside_an_event_is_logged_not_raised(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="limelight"):
        gr.Info("nobody listens")
    assert "nobody listens" in caplog.text
