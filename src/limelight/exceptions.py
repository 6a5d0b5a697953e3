"""Messages from a running function to its user: ``gr.Error``, ``gr.Info``, ``gr.Warning``;
and ``NotSupportedError``, raised by the Gradio names limelight has but cannot honour."""

from __future__ import annotations

import logging

from limelight import protocol
from limelight._reporting import current_reporter

__all__ = ["Error", "Info", "NotSupportedError", "Success", "UnsupportedOption", "Warning"]

log = logging.getLogger("limelight")


class Error(Exception):
    """Raise inside a function to stop it and show ``message`` to the user (and API clients).

    Unlike other exceptions, its message is always shown, whatever ``show_error`` says.
    """

    def __init__(
        self,
        message: str = "Error raised.",
        duration: float | None = 10,
        visible: bool = True,
        title: str = "Error",
        print_exception: bool = True,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.duration = duration
        self.visible = visible
        self.title = title
        self.print_exception = print_exception

    def __str__(self) -> str:
        return self.message


class NotSupportedError(NotImplementedError):
    """A Gradio feature limelight does not have; the message names it and says why."""


class UnsupportedOption(NotSupportedError):
    """A Gradio option limelight does not implement, asked for explicitly: refused with a
    message saying so, instead of being accepted and ignored."""

    def __init__(self, call: str, option: str, why: str) -> None:
        super().__init__(f"{call}({option}) is not supported by limelight: {why}")


def _log(message: str, level: str, title: str, duration: float | None, visible: bool) -> None:
    reporter = current_reporter()
    if reporter is None:
        log.warning("%s outside of a running event: %s", title, message)
        return
    reporter(protocol.log(message, level, duration=duration, visible=visible, title=title))


def Info(
    message: str = "Info issued.",
    duration: float | None = 10,
    visible: bool = True,
    title: str = "Info",
) -> None:
    """Show an information toast to the user of the running event; the function goes on."""
    _log(message, "info", title, duration, visible)


def Warning(
    message: str = "Warning issued.",
    duration: float | None = 10,
    visible: bool = True,
    title: str = "Warning",
) -> None:
    """Show a warning toast to the user of the running event; the function goes on."""
    _log(message, "warning", title, duration, visible)


def Success(
    message: str = "Success.",
    duration: float | None = 10,
    visible: bool = True,
    title: str = "Success",
) -> None:
    """Show a success toast to the user of the running event; the function goes on."""
    _log(message, "success", title, duration, visible)
