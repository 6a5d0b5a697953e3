"""Every stream message the server sends is made by a constructor in ``limelight.protocol``;
each constructor's message is valid under its pydantic model and round-trips through JSON."""

from __future__ import annotations

import json
from typing import Any

import pytest
from pydantic import BaseModel

from limelight import protocol
from limelight.protocol import (
    CloseStreamMessage,
    EstimationMessage,
    HeartbeatMessage,
    LogMessage,
    ProcessCompletedMessage,
    ProcessGeneratingMessage,
    ProcessStartsMessage,
    ProcessStreamingMessage,
    ProgressMessage,
    UnexpectedErrorMessage,
)

OUTPUT = protocol.output(
    ["text", {"path": "/tmp/a.png", "url": None, "meta": {"_type": "gradio.FileData"}}],
    duration=0.25,
    changed_state_ids=[4],
)
UNIT = {"index": 1, "length": 3, "unit": "steps", "progress": None, "desc": "x"}

CASES: list[tuple[dict[str, Any], type[BaseModel]]] = [
    (protocol.estimation("e", 2, 5, 1.5), EstimationMessage),
    (protocol.process_starts("e"), ProcessStartsMessage),
    ({**protocol.progress([UNIT]), "event_id": "e"}, ProgressMessage),
    (
        {
            **protocol.log("hi", "warning", duration=None, visible=True, title="Warning"),
            "event_id": "e",
        },
        LogMessage,
    ),
    (protocol.process_generating("e", OUTPUT, 3.0), ProcessGeneratingMessage),
    (protocol.process_generating("e", OUTPUT, None, streaming=True), ProcessStreamingMessage),
    (protocol.process_completed("e", OUTPUT, success=True, avg_time=0.2), ProcessCompletedMessage),
    (
        protocol.process_completed("e", {"error": None}, success=False, title=None),
        ProcessCompletedMessage,
    ),
    (protocol.cancelled("e"), ProcessCompletedMessage),
    (protocol.worker_lost("e"), ProcessCompletedMessage),
    (protocol.heartbeat(), HeartbeatMessage),
    (protocol.close_stream(), CloseStreamMessage),
    (protocol.unexpected_error("404: Not Found", session_not_found=True), UnexpectedErrorMessage),
]


@pytest.mark.parametrize(("message", "model"), CASES, ids=lambda c: getattr(c, "__name__", ""))
def test_each_message_is_valid_under_its_model_and_round_trips_json(
    message: dict[str, Any], model: type[BaseModel]
) -> None:
    text = json.dumps(message)
    assert json.loads(text) == message
    parsed = model.model_validate_json(text)
    assert parsed.model_dump(mode="json", exclude_unset=True) == message


def test_a_cancelled_completion_has_an_empty_output() -> None:
    assert protocol.cancelled("e")["output"] == {}
    assert protocol.cancelled("e")["success"] is True


def test_output_reports_its_duration_as_the_average_until_one_is_known() -> None:
    assert protocol.output([1], duration=0.5)["average_duration"] == 0.5
    assert protocol.output([1], duration=0.5, average=0.7)["average_duration"] == 0.7
