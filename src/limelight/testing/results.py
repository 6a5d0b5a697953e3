"""What one event showed: its outputs (and each streamed step), toasts, progress and error.

An ``EventResult`` is read from the messages of the session's event stream
(``docs/protocol.md §3.3``), with generator diffs applied (§4.3), so a test sees the values
the page would show after each step.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from limelight.app.diff import apply_edits

__all__ = ["EventResult", "ShownError", "Toast", "parse_event_stream"]


@dataclass(frozen=True)
class Toast:
    """A message ``gr.Info``, ``gr.Warning`` or ``gr.Success`` showed while an event ran."""

    message: str
    level: str
    """``"info"``, ``"warning"``, ``"success"`` or ``"error"``."""
    title: str | None = None
    duration: float | None = None
    visible: bool = True


@dataclass(frozen=True)
class ShownError:
    """The error an event ended with, as the page shows it (``docs/protocol.md §5.1``).

    ``message`` is the text of a ``gr.Error``, or of any exception when the app shows errors
    (``show_error``); it is ``None`` for an exception the server keeps to itself."""

    message: str | None
    title: str | None = None
    duration: float | None = None
    visible: bool = True


@dataclass
class EventResult:
    """One run of one event listener, as its messages told it.

    ``data`` holds one wire payload per output of the listener (State outputs are ``None``;
    a ``gr.update`` is the dict it was sent as); ``steps`` holds the full ``data`` of each
    yield of a generator (or chunk of a media stream), in order. ``then`` holds the results
    of the listeners chained after this one (``.then``, ``.success``, ``.failure``) and of
    the ``change`` listeners its outputs fired, in the order they ran."""

    fn_index: int
    api_name: str | None
    data: list[Any] = field(default_factory=list)
    steps: list[list[Any]] = field(default_factory=list)
    toasts: list[Toast] = field(default_factory=list)
    progress: list[list[dict[str, Any]]] = field(default_factory=list)
    error: ShownError | None = None
    cancelled: bool = False
    render_config: dict[str, Any] | None = None
    changed_state_ids: list[int] = field(default_factory=list)
    """The State outputs whose value the event changed (their ``change`` listeners run)."""
    messages: list[dict[str, Any]] = field(default_factory=list)
    then: list[EventResult] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when the event ran to its end without an error and was not cancelled."""
        return self.error is None and not self.cancelled

    @property
    def output(self) -> Any:
        """The payload of a listener with exactly one output."""
        if len(self.data) != 1:
            raise ValueError(f"the event has {len(self.data)} outputs; read .data instead")
        return self.data[0]

    def all_results(self) -> list[EventResult]:
        """This result and, depth first, every one that ran after it."""
        return [self, *(nested for then in self.then for nested in then.all_results())]

    @classmethod
    def from_messages(
        cls, fn_index: int, api_name: str | None, messages: list[dict[str, Any]]
    ) -> EventResult:
        """The result of the event whose messages (its own only, in order) are ``messages``."""
        result = cls(fn_index, api_name, messages=messages)
        previous: list[Any] | None = None
        for message in messages:
            kind = message.get("msg")
            if kind == "log":
                result.toasts.append(_toast(message))
            elif kind == "progress":
                result.progress.append(message["progress_data"])
            elif kind in ("process_generating", "process_streaming"):
                data = message["output"]["data"]
                if kind == "process_generating" and previous is not None:
                    data = [apply_edits(old, edits) for old, edits in zip(previous, data)]
                result.steps.append(data)
                previous = data
            elif kind == "process_completed":
                result.finish(message["output"], success=bool(message.get("success")))
        return result

    def finish(self, output: dict[str, Any], *, success: bool) -> None:
        """Record the event's last ``output`` object (``docs/protocol.md §3.3``)."""
        if not output:
            self.cancelled = True
        elif success:
            self.data = list(output["data"])
            self.render_config = output.get("render_config")
            self.changed_state_ids = list(output.get("changed_state_ids") or [])
        else:
            self.error = ShownError(
                output.get("error"),
                output.get("title"),
                output.get("duration"),
                bool(output.get("visible", True)),
            )


def _toast(message: dict[str, Any]) -> Toast:
    return Toast(
        message["log"],
        message["level"],
        message.get("title"),
        message.get("duration"),
        bool(message.get("visible", True)),
    )


def parse_event_stream(text: str) -> list[dict[str, Any]]:
    """The JSON ``data:`` payloads of a ``text/event-stream`` body, in order; a payload of a
    named event (``event: complete``) comes as ``{"event": name, "data": payload}``."""
    messages: list[dict[str, Any]] = []
    for block in text.strip().split("\n\n"):
        event = None
        for line in block.splitlines():
            if line.startswith("event: "):
                event = line[len("event: ") :]
            elif line.startswith("data: "):
                data = json.loads(line[len("data: ") :])
                messages.append({"event": event, "data": data} if event else data)
    return messages
