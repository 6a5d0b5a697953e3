"""Job records and request snapshots: plain values that round-trip through JSON."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from limelight.server.jobs import JobRecord, LiveRequest, RequestSnapshot
from tests.server.contracts.support import record

pytestmark = pytest.mark.anyio


def test_a_job_record_round_trips_through_json() -> None:
    original = JobRecord(
        event_id="e1",
        fn_index=3,
        session_hash="s",
        channel="s",
        data=[{"path": "/tmp/x.png", "meta": {"_type": "gradio.FileData"}}, 2, None],
        group="3",
        limit=2,
        batch="3",
        max_batch_size=4,
        event_data={"index": [0, 1], "value": "a"},
        trigger_id=7,
        request=RequestSnapshot(
            method="POST",
            path="/gradio_api/queue/join",
            headers=[("host", "h:1"), ("cookie", "a=b")],
            client=("127.0.0.1", 5000),
            username="ann",
            session_hash="s",
        ),
        root_url="http://h:1",
        stream=True,
    )
    copy = JobRecord.from_json(original.to_json())
    assert copy == original
    assert json.loads(original.to_json())["data"][1] == 2


def test_the_lifespan_state_a_request_carried_stays_out_of_the_json() -> None:
    live = RequestSnapshot(path="/x", state={"model": object()})
    text = replace(record("e"), request=live).to_json()
    assert "state" not in json.loads(text)["request"]
    copy = JobRecord.from_json(text).request
    assert copy is not None and copy.state == {} and copy.path == "/x"


def test_a_request_snapshot_gives_the_request_a_function_sees() -> None:
    snapshot = RequestSnapshot(
        method="POST",
        scheme="https",
        server=("example.com", 443),
        path="/gradio_api/queue/join",
        query_string="a=1&b=two",
        headers=[("host", "example.com"), ("cookie", "theme=dark"), ("X-Token", "t")],
        client=("10.0.0.2", 4242),
        username="ann",
        session_hash="s1",
    )
    request = JobRecord.from_json(replace(record("e"), request=snapshot).to_json()).request
    assert request is not None
    seen = request.request()
    assert seen.headers["x-token"] == "t"
    assert seen.cookies["theme"] == "dark"
    assert seen.query_params["b"] == "two"
    assert str(seen.url) == "https://example.com/gradio_api/queue/join?a=1&b=two"
    assert (seen.client.host, seen.client.port) == ("10.0.0.2", 4242)
    assert (seen.username, seen.session_hash) == ("ann", "s1")


def test_a_record_leaving_its_process_takes_a_snapshot_of_its_live_request() -> None:
    scope = {
        "type": "http",
        "method": "POST",
        "scheme": "http",
        "server": ("h", 1),
        "path": "/gradio_api/queue/join",
        "query_string": b"x=1",
        "headers": [(b"host", b"h:1"), (b"x-token", b"t")],
        "state": {"model": object()},
    }
    original = replace(record("e"), live=LiveRequest(scope, "ann", "s1"))
    here = original.gr_request()
    assert here is not None and here.headers["x-token"] == "t"
    assert here.request is not None and here.request.scope is scope
    copy = JobRecord.from_json(original.to_json())
    assert copy.live is None and copy == original
    there = copy.gr_request()
    assert there is not None
    assert there.headers["x-token"] == "t"
    assert str(there.request.url) == "http://h:1/gradio_api/queue/join?x=1"
    assert (there.username, there.session_hash) == ("ann", "s1")
