"""Property tests (hypothesis) for the checks that stand between a client's bytes and the
server's files and pages: path containment (docs/security.md #1-4, #7), FileData payloads
(#6, #12), the Host check (#17) and the CSV formula guard (#25)."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings, strategies as st
from pydantic import ValidationError
from starlette.testclient import TestClient

import limelight as gr
from limelight.components.base import PayloadError
from limelight.files.access import FileAccess, FileNotAllowed, is_inside
from limelight.files.local import LocalFileStore
from limelight.files.processing import FileContext, is_file_payload
from limelight.interfaces.flagging import FORMULA_STARTS, csv_safe
from limelight.protocol import FileData
from limelight.server import create_app
from limelight.server.origin import host_allowed, is_loopback_host
from limelight.server.services import ServerSettings

# Generated cases run on a loaded machine too: no per-example deadline.
PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


class Tree:
    """A folder clients may read (with a blocked ``secret/`` inside and a link out of it), a
    file outside it, and a file store."""

    def __init__(self, base: Path) -> None:
        self.allowed = base / "allowed"
        self.outside = base / "outside"
        for folder in (self.allowed / "sub", self.allowed / "secret", self.outside):
            folder.mkdir(parents=True)
        (self.allowed / "a.txt").write_text("a")
        (self.allowed / "sub" / "b.txt").write_text("b")
        (self.allowed / "secret" / "key.txt").write_text("key")
        (self.outside / "passwd").write_text("root")
        (self.allowed / "link").symlink_to(self.outside)
        (self.allowed / "passwd").symlink_to(self.outside / "passwd")
        self.store = LocalFileStore(str(base / "cache"))
        self.access = FileAccess(self.store, [self.allowed], [self.allowed / "secret"])


@pytest.fixture(scope="module")
def tree() -> Iterator[Tree]:
    with tempfile.TemporaryDirectory() as base:
        yield Tree(Path(base).resolve())


SEGMENTS = st.sampled_from(
    [
        *("..", ".", "", "a.txt", "sub", "b.txt", "secret", "SECRET", "key.txt", "link"),
        *("passwd", "outside", "allowed", "%2e%2e", "..%2f", "secret.", "secret ", "~"),
        "a.txt::$DATA",
    ]
)
RELATIVE = st.lists(SEGMENTS, max_size=8).map("/".join)


def _readable_places(tree: Tree, path: Path) -> bool:
    blocked = is_inside(path, (tree.allowed / "secret").resolve())
    return not blocked and (is_inside(path, tree.allowed) or tree.store.holds(path))


@PROPERTY
@given(relative=RELATIVE, absolute=st.booleans())
def test_a_readable_path_always_lies_in_an_allowed_place(
    tree: Tree, relative: str, absolute: bool
) -> None:
    raw = f"{tree.allowed}/{relative}" if absolute else f"{tree.allowed}/../{relative}"
    try:
        path = tree.access.readable(raw)
    except FileNotAllowed:
        return
    assert path.is_file() and _readable_places(tree, path)
    assert not is_inside(path, tree.outside)


@PROPERTY
@given(relative=RELATIVE)
def test_a_returned_file_comes_from_an_allowed_place_or_the_work_folders(
    tree: Tree, relative: str
) -> None:
    try:
        path = tree.access.returnable(f"{tree.allowed}/{relative}", since=0.0)
    except FileNotAllowed:
        return
    folders = [Path(os.path.realpath(p)) for p in (os.getcwd(), tempfile.gettempdir())]
    assert _readable_places(tree, path) or any(is_inside(path, f) for f in folders)
    assert not is_inside(path, (tree.allowed / "secret").resolve())


@PROPERTY
@given(folder=st.text("ab/_.", min_size=1, max_size=12), rest=st.text("ab/_.", max_size=12))
def test_containment_is_by_whole_segments(folder: str, rest: str) -> None:
    base = Path("/srv") / folder.strip("/")
    path = Path(os.path.normpath(f"{base}{rest}"))
    inside = is_inside(path, Path(os.path.normpath(base)))
    by_segments = (
        path.parts[: len(Path(os.path.normpath(base)).parts)] == Path(os.path.normpath(base)).parts
    )
    assert inside == by_segments


JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)
FILE_PAYLOADS = st.fixed_dictionaries(
    {"path": st.one_of(RELATIVE, st.text(max_size=30), st.none(), st.integers())},
    optional={
        "url": st.one_of(st.none(), st.text(max_size=30), st.just("http://127.0.0.1:22/")),
        "meta": st.one_of(st.just({"_type": "gradio.FileData"}), JSON),
        "size": JSON,
        "orig_name": JSON,
    },
)


@PROPERTY
@given(payload=st.one_of(JSON, FILE_PAYLOADS))
def test_an_input_payload_names_an_allowed_file_or_is_refused(tree: Tree, payload: Any) -> None:
    is_file_payload(payload)  # never raises
    if isinstance(payload, dict) and isinstance(payload.get("path"), str):
        payload = {**payload, "path": f"{tree.allowed}/{payload['path']}"}
    try:
        path = FileContext(tree.access).input_path(payload)
    except FileNotAllowed:
        return
    assert path.is_file() and _readable_places(tree, path)


@PROPERTY
@given(payload=st.one_of(JSON, FILE_PAYLOADS))
def test_file_data_parses_or_refuses_and_round_trips(payload: Any) -> None:
    try:
        data = FileData.model_validate(payload)
    except ValidationError:
        return
    assert FileData.model_validate(data.model_dump()) == data
    assert FileData.model_validate_json(data.model_dump_json()) == data


HOSTS = st.one_of(
    st.from_regex(r"[a-z0-9.\-]{0,20}(:[0-9]{1,5})?", fullmatch=True),
    st.sampled_from(["127.0.0.1", "localhost", "[::1]:7860", "127.0.0.1.evil.com", "0x7f.1"]),
    st.text(max_size=20),
)


@PROPERTY
@given(host=HOSTS)
def test_a_loopback_server_answers_only_loopback_names(host: str) -> None:
    loopback = ServerSettings(loopback_only=True, allowed_hosts=[])
    name = host.strip().lower()
    name = name[1 : name.find("]")] if name.startswith("[") and "]" in name else name
    name = name.rsplit(":", 1)[0] if name.count(":") == 1 else name
    assert host_allowed(loopback, host) == is_loopback_host(name)
    assert host_allowed(ServerSettings(loopback_only=False, allowed_hosts=["*"]), host)


@PROPERTY
@given(text=st.text(max_size=30))
def test_csv_cells_never_start_a_formula(text: str) -> None:
    cell = csv_safe(text)
    assert cell in (text, "'" + text)
    if cell.startswith(FORMULA_STARTS):
        float(cell)  # only a plain number may keep its sign


@PROPERTY
@example(text="now - 99999999w")  # before the year 1: an OverflowError, once
@example(text="now-99999999999999999999d")
@given(
    text=st.one_of(
        st.text(max_size=40),
        st.from_regex(r"\s*now\s*(-\s*[0-9.]{0,30}\s*[smhdwSMHDW]?)?\s*", fullmatch=True),
        st.from_regex(r"[0-9]{1,6}-[0-9]{1,4}-[0-9]{1,4}( [0-9:]{0,12})?", fullmatch=True),
    )
)
def test_a_date_parses_or_is_refused_as_a_bad_payload(text: str) -> None:
    """docs/security.md #31, #32: whatever a client sends a DateTime, the answer is a date
    or a PayloadError (a 4xx), never another exception."""
    with contextlib.suppress(PayloadError):
        gr.DateTime().preprocess(text)


POSTED_ROUTES = [
    "/gradio_api/queue/join",
    "/gradio_api/run/predict",
    "/gradio_api/run/echo",
    "/gradio_api/call/echo",
    "/gradio_api/call/v2/echo",
    "/gradio_api/cancel",
    "/gradio_api/reset",
    "/gradio_api/stream/x",
    "/gradio_api/component_server",
]
BODIES = st.one_of(
    JSON,
    st.fixed_dictionaries(
        {},
        optional={
            "data": JSON,
            "fn_index": JSON,
            "session_hash": JSON,
            "event_id": JSON,
            "trigger_id": JSON,
            "event_data": JSON,
            "api_name": JSON,
            "fn_name": JSON,
            "component_id": JSON,
        },
    ),
)


@pytest.fixture(scope="module")
def served() -> Iterator[TestClient]:
    with gr.Blocks() as demo:
        box, out = gr.Textbox(), gr.Textbox()
        box.submit(str.upper, box, out, api_name="echo")
        gr.File().upload(lambda f: f, None, None)
    with TestClient(create_app(demo)) as client:
        yield client


@PROPERTY
@given(route=st.sampled_from(POSTED_ROUTES), body=BODIES, raw=st.none() | st.binary(max_size=40))
def test_no_body_makes_a_route_fail_with_a_server_error(
    served: TestClient, route: str, body: Any, raw: bytes | None
) -> None:
    """docs/security.md #32: whatever JSON (or bytes) reaches a route, the answer is an
    answer, never a 5xx (the test client re-raises what the app did not handle)."""
    if raw is None:
        answer = served.post(route, json=body)
    else:
        answer = served.post(route, content=raw, headers={"content-type": "application/json"})
    assert answer.status_code < 500, answer.text
