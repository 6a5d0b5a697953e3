"""``limelight dev app.py`` (and ``limelight app.py``): an edit is served by the running
server, sessions go on, errors are shown while the last good app serves, and code under
``if gr.NO_RELOAD:`` runs once (``docs/protocol.md §8.5``)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import httpx
import pytest
from gradio_client import Client

from tests.cli.dev_support import PageEvents, limelight_dev, poll
from tests.server.sshd_support import Sshd, share_server

__all__ = ["share_server"]

pytestmark = pytest.mark.timeout(120)

APP = """
import limelight as gr
import greetings

if gr.NO_RELOAD:
    print("loading the model, once", flush=True)
    model = {"weights": 1}
weights = model["weights"]  # made by the first run, used by every run
RUN = "first run" if gr.NO_RELOAD else "reloaded"

def count(name, n):
    return f"{greetings.HELLO} {name} v1 {RUN} #{n}", n + 1

with gr.Blocks() as demo:
    name = gr.Textbox()
    out = gr.Textbox()
    calls = gr.State(0)
    gr.Button().click(count, [name, calls], [out, calls], api_name="count")
"""
PUBLIC_URL = re.compile(r"Running on public URL:\s+(\S+)")
EDIT_DEADLINE = 3.0
"""How soon an edit is served (the feature's promise)."""


def _app(folder: Path) -> Path:
    (folder / "greetings.py").write_text('HELLO = "hello"\n')
    file = folder / "app.py"
    file.write_text(APP)
    return file


def _edit(file: Path, old: str, new: str) -> None:
    text = file.read_text()
    assert old in text
    file.write_text(text.replace(old, new))


def test_an_edit_is_served_by_the_running_server_and_the_session_goes_on(
    tmp_path: Path,
) -> None:
    file = _app(tmp_path)
    with limelight_dev("dev", "app.py", "--port", "0", cwd=tmp_path) as dev:
        client = Client(dev.url, verbose=False)
        assert client.predict("ada", api_name="/count") == "hello ada v1 first run #0"
        assert client.predict("ada", api_name="/count") == "hello ada v1 first run #1"
        _edit(file, "v1", "v2")
        answer = poll(
            lambda: found if "v2" in (found := client.predict("ada", api_name="/count")) else None,
            EDIT_DEADLINE,
        )
        # The same server, the same session: the State counted on from #2.
        assert answer.startswith("hello ada v2 reloaded #")
        assert int(answer.rsplit("#", 1)[1]) >= 2
        assert httpx.get(f"{dev.url}config").json()["dev_mode"] is True


def test_a_module_the_app_imports_from_its_folder_is_reloaded_too(tmp_path: Path) -> None:
    _app(tmp_path)
    with limelight_dev("app.py", "--port", "0", cwd=tmp_path) as dev:  # the shortcut
        client = Client(dev.url, verbose=False)
        assert client.predict("ada", api_name="/count").startswith("hello ada")
        (tmp_path / "greetings.py").write_text('HELLO = "bonjour"\n')
        poll(
            lambda: (
                True if client.predict("ada", api_name="/count").startswith("bonjour") else None
            ),
            EDIT_DEADLINE,
        )


def test_code_under_no_reload_runs_on_the_first_run_only(tmp_path: Path) -> None:
    file = _app(tmp_path)
    with limelight_dev("dev", "app.py", "--port", "0", cwd=tmp_path) as dev:
        client = Client(dev.url, verbose=False)
        _edit(file, "v1", "v2")
        poll(lambda: True if "v2" in client.predict("x", api_name="/count") else None, 10)
        _edit(file, "v2", "v3")
        poll(lambda: True if "v3" in client.predict("x", api_name="/count") else None, 10)
        loaded = [line for line in dev.printed if "loading the model" in line]
        assert len(loaded) == 1


@pytest.mark.parametrize(
    ("broken", "error"),
    [
        ("def count(name, n)", "SyntaxError"),  # the missing colon
        ("with gr.Blocks() as demo:\n    1 / 0", "ZeroDivisionError"),
    ],
)
def test_an_edit_that_fails_is_shown_while_the_last_good_app_serves(
    tmp_path: Path, broken: str, error: str
) -> None:
    file = _app(tmp_path)
    original = "def count(name, n):" if "count" in broken else "with gr.Blocks() as demo:"
    with limelight_dev("dev", "app.py", "--port", "0", cwd=tmp_path) as dev:
        client = Client(dev.url, verbose=False)
        page = PageEvents(dev.url)
        _edit(file, original, broken)
        shown = json.loads(page.next("error"))
        assert error in shown and "app.py" in shown
        dev.wait_for_line(lambda line: True if error in line else None)
        assert "v1" in client.predict("ada", api_name="/count")
        # A page opened now sees the error at once.
        assert error in json.loads(PageEvents(dev.url).next("error"))
        _edit(file, broken, original)
        _edit(file, "v1", "v2")
        page.next("reload")
        poll(lambda: True if "v2" in client.predict("ada", api_name="/count") else None, 10)


def test_sessions_start_afresh_when_an_edit_moves_components(tmp_path: Path) -> None:
    file = _app(tmp_path)
    with limelight_dev("dev", "app.py", "--port", "0", cwd=tmp_path) as dev:
        client = Client(dev.url, verbose=False)
        client.predict("ada", api_name="/count")
        assert client.predict("ada", api_name="/count").endswith("#1")
        # A component before the State: it no longer has the id its value was kept under.
        _edit(file, "    name = gr.Textbox()", "    gr.Markdown('hi')\n    name = gr.Textbox()")
        _edit(file, "v1", "v2")
        answer = poll(
            lambda: found if "v2" in (found := client.predict("ada", api_name="/count")) else None,
            EDIT_DEADLINE,
        )
        assert answer.endswith("#0")


def test_a_share_link_opened_by_the_file_follows_the_reloads(
    tmp_path: Path, share_server: Sshd
) -> None:
    file = _app(tmp_path)
    file.write_text(
        file.read_text()
        + f"\ndemo.launch(share=True, share_server_address={share_server.address!r})\n"
    )
    with limelight_dev("dev", "app.py", "--port", "0", cwd=tmp_path) as dev:
        public = dev.wait_for_line(PUBLIC_URL.search).group(1)
        client = Client(public, verbose=False)
        assert "v1" in client.predict("ada", api_name="/count")
        _edit(file, "v1", "v2")
        poll(lambda: True if "v2" in client.predict("ada", api_name="/count") else None, 10)


def test_an_app_that_fails_on_the_first_run_is_served_once_fixed(tmp_path: Path) -> None:
    file = _app(tmp_path)
    _edit(file, "def count(name, n):", "def count(name, n)")
    with limelight_dev("dev", "app.py", "--port", "0", cwd=tmp_path) as dev:
        dev.wait_for_line(lambda line: True if "Fix app.py and save it" in line else None)
        assert any("SyntaxError" in line for line in dev.printed)
        # Only the error: not the frames of limelight that ran the file.
        assert not any("runpy" in line or "reload.py" in line for line in dev.printed)
        _edit(file, "def count(name, n)", "def count(name, n):")
        # Served once the fixed file has run (the page until then shows the error).
        poll(lambda: True if '"count"' in httpx.get(f"{dev.url}config").text else None, 10)
        client = Client(dev.url, verbose=False)
        # The run that served first is a first run: code under gr.NO_RELOAD ran.
        assert client.predict("ada", api_name="/count") == "hello ada v1 first run #0"


def test_a_gr_server_is_refused_naming_limelight_run(tmp_path: Path) -> None:
    (tmp_path / "app.py").write_text(
        "import limelight as gr\n"
        "server = gr.Server()\n"
        "def echo(text: str) -> str:\n"
        "    return text\n"
        "server.api(name='echo')(echo)\n"
        "server.launch()\n"
    )
    with limelight_dev("dev", "app.py", "--port", "0", cwd=tmp_path) as dev:
        dev.wait_for_line(lambda line: True if "run it with `limelight run`" in line else None)
