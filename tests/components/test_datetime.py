"""DateTime: text in, a timestamp, datetime or text out."""

from __future__ import annotations

import time
from datetime import datetime, timezone

import pytest

import limelight as gr
from limelight.components import PayloadError


def test_timestamp_type_is_the_default() -> None:
    component = gr.DateTime(timezone="UTC")
    expected = datetime(2024, 1, 31, 12, 0, tzinfo=timezone.utc).timestamp()
    assert component.preprocess("2024-01-31 12:00:00") == expected


def test_datetime_and_string_types() -> None:
    moment = gr.DateTime(type="datetime").preprocess("2024-01-31 12:30:00")
    assert isinstance(moment, datetime)
    assert (moment.hour, moment.minute) == (12, 30)
    assert gr.DateTime(type="string").preprocess("2024-01-31") == "2024-01-31"


def test_relative_times() -> None:
    now = time.time()
    assert abs(gr.DateTime().preprocess("now") - now) < 5
    assert abs(gr.DateTime().preprocess("now - 2h") - (now - 7200)) < 5


def test_postprocess_formats_timestamps_and_datetimes() -> None:
    component = gr.DateTime(timezone="UTC")
    stamp = datetime(2024, 1, 31, 12, 0, tzinfo=timezone.utc).timestamp()
    assert component.postprocess(stamp) == "2024-01-31 12:00:00"
    assert gr.DateTime(include_time=False).postprocess(datetime(2024, 2, 1)) == "2024-02-01"


@pytest.mark.parametrize("bad", ["yesterday-ish", 12, "2024-13-45"])
def test_bad_dates_are_rejected(bad: object) -> None:
    with pytest.raises(PayloadError):
        gr.DateTime().preprocess(bad)


def test_unknown_timezone_is_an_error() -> None:
    with pytest.raises(ValueError, match="Unknown timezone"):
        gr.DateTime(timezone="Mars/Olympus")
