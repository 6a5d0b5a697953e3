"""The documentation site (``mkdocs.yml``, ``docs/``): every code sample is a file that runs.

Samples are included from files (``--8<-- "demos/x.py"``); each demo they name starts here,
in-process, and answers a call as its page would. The reference documents every public name.
``scripts/check`` builds the site with ``mkdocs build --strict``.
"""

from __future__ import annotations

import re
import runpy
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import limelight
from limelight.testing import AppTester
from tests.support import free_port

REPO = Path(__file__).resolve().parent.parent
DOCS = REPO / "docs"
JSON_HEADERS = {"Content-Type": "application/json"}
SNIPPET = re.compile(r'^--8<-- "([^"]+)"$', re.MULTILINE)


def _included() -> list[str]:
    return sorted(
        {path for page in DOCS.rglob("*.md") for path in SNIPPET.findall(page.read_text())}
    )


def _demo(path: str) -> dict[str, Any]:
    return runpy.run_path(str(REPO / path), run_name="demo_under_test")


def _hello_world(page: AppTester, app: dict[str, Any], tmp_path: Path) -> None:
    assert page.call("greet", "World", 3).output == "Hello, World!!!"


def _counter_state(page: AppTester, app: dict[str, Any], tmp_path: Path) -> None:
    page.click(app["add"])
    assert page.value(app["shown"]) == 1


def _layout_tour(page: AppTester, app: dict[str, Any], tmp_path: Path) -> None:
    page.click(app["describe_btn"])
    assert page.value(app["details"])["animal"] == "cat"
    page.click(app["make_room_btn"])
    assert page.props(app["weight"])["visible"] is False


def _render_split(page: AppTester, app: dict[str, Any], tmp_path: Path) -> None:
    page.set(app["text"], "ab")
    page.click(page.find(type="button", value="Upper 2"))
    assert page.value(page.find(label="Letter 2")) == "B"


def _blocks_streaming(page: AppTester, app: dict[str, Any], tmp_path: Path) -> None:
    assert page.call("stream", "a b").steps == [["a"], ["a b"]]


def _trigger_modes(page: AppTester, app: dict[str, Any], tmp_path: Path) -> None:
    assert page.click(page.find(type="button", value="Click (once)")).output == 1


def _chatbot(reply: str) -> Callable[[AppTester, dict[str, Any], Path], None]:
    def check(page: AppTester, app: dict[str, Any], tmp_path: Path) -> None:
        demo = app["demo"]
        page.set(demo.textbox, {"text": "hi", "files": []} if demo.multimodal else "hi")
        page.submit(demo.textbox)
        assert reply in page.value(demo.chatbot)[-1]["content"][0]["text"]

    return check


def _cancel_stream(page: AppTester, app: dict[str, Any], tmp_path: Path) -> None:
    page.set(app["limit"], 2)
    assert page.click(app["start"]).steps == [[1], [2]]


def _zip_to_json(page: AppTester, app: dict[str, Any], tmp_path: Path) -> None:
    archive = tmp_path / "a.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("hello.txt", "hello")
    assert page.call("list_zip", archive).output == {"hello.txt": 5}


def _queue_limits(page: AppTester, app: dict[str, Any], tmp_path: Path) -> None:
    assert page.call("generate", "a b").output == "b a"
    assert page.call("crop", 10).output == "cropped to 10 px"


def _mcp_letters(page: AppTester, app: dict[str, Any], tmp_path: Path) -> None:
    assert page.call("count_letters", "strawberry", "R").output == 3


CHECKS: dict[str, Callable[[AppTester, dict[str, Any], Path], None]] = {
    "demos/hello_world.py": _hello_world,
    "demos/counter_state.py": _counter_state,
    "demos/layout_tour.py": _layout_tour,
    "demos/render_split.py": _render_split,
    "demos/blocks_streaming.py": _blocks_streaming,
    "demos/trigger_modes.py": _trigger_modes,
    "demos/chatbot_echo.py": _chatbot("You said: hi"),
    "demos/chatbot_streaming.py": _chatbot("You asked: *hi*"),
    "demos/chatbot_multimodal.py": _chatbot("No files attached"),
    "demos/cancel_stream.py": _cancel_stream,
    "demos/zip_to_json.py": _zip_to_json,
    "demos/queue_limits.py": _queue_limits,
    "demos/mcp_letters.py": _mcp_letters,
}
"""How each app the docs show answers a call. A new sample gets its check here."""

NOT_APPS = {
    "demos/clients/api_client.py": "a client of hello_world, run by its own test below",
    "tests/testing/test_guide.py": "a test module, run with the rest of the tests",
}


def test_every_included_file_exists_and_is_checked() -> None:
    included = _included()
    assert included, "no samples found: the snippet syntax changed?"
    assert [p for p in included if not (REPO / p).is_file()] == []
    assert sorted(set(included) - set(CHECKS) - set(NOT_APPS)) == []


@pytest.mark.parametrize("path", sorted(CHECKS))
def test_each_app_the_docs_show_starts_and_answers(path: str, tmp_path: Path) -> None:
    app = _demo(path)
    with AppTester(app["demo"]) as page:
        assert page.errors == []  # its load listeners ran cleanly
        CHECKS[path](page, app, tmp_path)
        assert page.errors == []


@pytest.mark.compat
def test_the_client_sample_calls_the_hello_world_app() -> None:
    demo = _demo("demos/hello_world.py")["demo"]
    port = free_port()
    demo.launch(server_name="127.0.0.1", server_port=port, prevent_thread_lock=True, quiet=True)
    try:
        greet = _demo("demos/clients/api_client.py")["greet_through_the_api"]
        assert greet(f"http://127.0.0.1:{port}/") == "Hello, World!!!"
    finally:
        demo.close(verbose=False)


def test_the_reference_documents_every_public_name() -> None:
    reference = "\n".join(page.read_text() for page in (DOCS / "reference").glob("*.md"))
    documented = set(re.findall(r"^::: limelight\.(\w+)$", reference, re.MULTILINE))
    documented |= set(re.findall(r"^\| `(\w+)` \|", reference, re.MULTILINE))
    public = set(limelight._PUBLIC)
    assert sorted(public - documented) == []


def test_every_page_is_in_the_nav() -> None:
    nav = (REPO / "mkdocs.yml").read_text()
    pages = {str(page.relative_to(DOCS)) for page in DOCS.rglob("*.md")}
    assert sorted(page for page in pages if f": {page}\n" not in nav) == []


def test_the_curl_sample_calls_the_hello_world_app() -> None:
    """The API guide's curl lines, sent to demos/hello_world.py in-process."""
    guide = (DOCS / "guides" / "api.md").read_text()
    sample = re.search(r"(/gradio_api/call/v2/\w+) \\\n.*-d '([^']+)'", guide)
    assert sample is not None, "the guide's curl sample changed shape"
    endpoint, body = sample.groups()
    with AppTester(_demo("demos/hello_world.py")["demo"]) as page:
        started = page.request("POST", endpoint, content=body, headers=JSON_HEADERS)
        event_id = started.json()["event_id"]
        streamed = page.request("GET", f"{endpoint}/{event_id}").text
    assert 'data: ["Hello, World!!!"]' in streamed
