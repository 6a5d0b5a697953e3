"""Scale-out end to end (docs/scaleout.md): two or three ``limelight run`` processes of one app
on one Redis, behind deploy/nginx.conf's round robin (no sticky sessions), driven by the real
``gradio_client`` and by chromium; one process killed mid-job; Redis restarted."""

from __future__ import annotations

import concurrent.futures
import json
import os
import re
import shutil
import signal
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from benchmarks.scaleout import nginx_config
from gradio_client import Client, handle_file
from gradio_client.client import Job
from playwright.sync_api import Page, expect

from limelight.backends.redis.connect import LEASE_ENV
from limelight.files.stores import BACKEND_ENV, FILE_STORE_ENV
from tests.cli.processes import Served, holds_soon
from tests.redis_support import REDIS_SERVER, RedisServer
from tests.support import free_port

NGINX = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/sbin")
pytestmark = [
    pytest.mark.skipif(
        NGINX is None and not os.environ.get("CI"),
        reason="nginx is not installed (scripts/setup-dev)",
    ),
    pytest.mark.timeout(120),
]

APP = """
import os
import tempfile
import time
from pathlib import Path

import limelight as gr


def echo(text):
    return f"{text}:{os.getpid()}"


def count(n):
    for i in range(int(n)):
        yield str(i)


def bump(total):
    return total + 1, total + 1


def shout(path):
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as out:
        out.write(Path(path).read_text().upper())
    return out.name


def slow(text):
    # The test reads which process runs the job from this file, then kills that process.
    Path(os.environ["TEST_RUNS"], text).write_text(str(os.getpid()))
    time.sleep(3)
    return str(os.getpid())


def nap(text):
    time.sleep(1)
    return text


with gr.Blocks() as demo:
    text, out = gr.Textbox(label="Text"), gr.Textbox(label="Out")
    gr.Button("Echo").click(echo, text, out, api_name="echo")
    n = gr.Number()
    gr.Button("Count").click(count, n, out, api_name="count")
    total, shown = gr.State(0), gr.Number()
    gr.Button("Bump").click(bump, total, [total, shown], api_name="bump")
    given, made = gr.File(), gr.File()
    gr.Button("Shout").click(shout, given, made, api_name="shout")
    gr.Button("Slow").click(slow, text, out, api_name="slow", retries=1)
    gr.Button("Fragile").click(slow, text, out, api_name="fragile")
    gr.Button("Nap").click(nap, text, out, api_name="nap")

if __name__ == "__main__":
    demo.launch()
"""
LEASE_SECONDS = 2
Cluster = Callable[..., tuple[str, list[Served]]]


@pytest.fixture
def cluster(tmp_path: Path) -> Iterator[Cluster]:
    """``cluster(n, redis_url)`` starts ``n`` processes of ``APP`` on that Redis, sharing one
    file folder, and nginx in front of them; gives nginx's URL and the processes."""
    if NGINX is None:
        pytest.fail("nginx is missing; CI must install it (scripts/setup-dev)")
    started: list[Served] = []
    fronts: list[subprocess.Popen[bytes]] = []

    def start(n: int, redis_url: str) -> tuple[str, list[Served]]:
        (tmp_path / "runs").mkdir()
        env = {
            BACKEND_ENV: redis_url,
            FILE_STORE_ENV: str(tmp_path / "files"),
            "GRADIO_TEMP_DIR": str(tmp_path / "files"),
            LEASE_ENV: str(LEASE_SECONDS),
            "TEST_RUNS": str(tmp_path / "runs"),
        }
        for index in range(n):
            (tmp_path / f"p{index}").mkdir()
            started.append(Served(tmp_path / f"p{index}", free_port(), env=env, app=APP))
        port = free_port()
        config = nginx_config(tmp_path, [f"127.0.0.1:{app.port}" for app in started], port)
        assert NGINX is not None
        fronts.append(
            subprocess.Popen(
                [NGINX, "-p", str(tmp_path), "-c", str(config)],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.STDOUT,
            )
        )
        for app in started:
            holds_soon(lambda app=app: bool(app.printed("Running on local URL")))
        return f"http://127.0.0.1:{port}/", started

    yield start
    for front in fronts:
        front.terminate()
        front.wait(10)
    for app in started:
        app.stop()


@pytest.fixture
def persistent_redis(tmp_path: Path) -> Iterator[RedisServer]:
    """A Redis of this test's own, with an append-only file, so that it can be restarted."""
    if REDIS_SERVER is None:
        if os.environ.get("CI"):
            pytest.fail("redis-server is missing; CI must install it (scripts/setup-dev)")
        pytest.skip("redis-server is not installed (scripts/setup-dev installs it)")
    (tmp_path / "redis").mkdir()
    server = RedisServer(tmp_path / "redis", persistent=True)
    server.start()
    yield server
    server.stop()


@pytest.mark.parametrize("processes", [2, 3])
def test_gradio_client_calls_streams_state_and_files(
    cluster: Cluster, redis_url: str, processes: int, tmp_path: Path
) -> None:
    url, apps = cluster(processes, redis_url)
    pids = {str(app.process.pid) for app in apps}
    client = Client(url, verbose=False)
    answers = [client.predict(f"t{i}", api_name="/echo") for i in range(20)]
    assert [a.split(":")[0] for a in answers] == [f"t{i}" for i in range(20)]
    assert {a.split(":")[1] for a in answers} <= pids
    job = client.submit(5, api_name="/count")
    assert list(job) == ["0", "1", "2", "3", "4"]
    assert [client.predict(api_name="/bump") for _ in range(3)] == [1, 2, 3]
    assert Client(url, verbose=False).predict(api_name="/bump") == 1, "a new session"
    upload = tmp_path / "note.txt"
    upload.write_text("shared files")
    made = client.predict(handle_file(str(upload)), api_name="/shout")
    assert Path(made).read_text() == "SHARED FILES"


@pytest.mark.browser
def test_a_page_through_round_robin_runs_its_events(
    cluster: Cluster, redis_url: str, page: Page
) -> None:
    url, apps = cluster(2, redis_url)
    pids = {str(app.process.pid) for app in apps}
    page.goto(url)
    for word in ("one", "two"):
        page.get_by_label("Text").fill(word)
        page.get_by_role("button", name="Echo").click()
        shown = page.get_by_label("Out")
        expect(shown).to_have_value(re.compile(rf"^{word}:\d+$"))
        assert shown.input_value().split(":")[1] in pids


def _outcome(job: Job, client: Client | None = None) -> str:
    """The job's result, or its error's text; a job that hangs fails the test. When the
    client's own event stream ran through the killed process, ``gradio_client`` gives up
    (it cancels the job: it never reconnects a stream); a page reconnects, so the test does
    so too, through nginx to another process, and reads what waited in Redis."""
    try:
        return str(job.result(timeout=60))
    except concurrent.futures.CancelledError:
        if client is None:
            raise
        return _read_on(client)
    except Exception as exc:
        return f"error: {exc}"


def _read_on(client: Client) -> str:
    params = {"session_hash": client.session_hash}
    with httpx.stream("GET", client.sse_url, params=params, timeout=60) as stream:
        for line in stream.iter_lines():
            message = json.loads(line[5:]) if line.startswith("data:") else {}
            if message.get("msg") == "process_completed":
                output = message["output"]
                return str(output["data"][0]) if message["success"] else output["error"]
    return "the stream ended without the job's completion"


def test_a_process_killed_mid_job_has_its_job_retried_or_reported(
    cluster: Cluster, redis_url: str, tmp_path: Path
) -> None:
    url, apps = cluster(3, redis_url)
    by_pid = {str(app.process.pid): app for app in apps}
    pids = set(by_pid)
    client = Client(url, verbose=False)
    runs = tmp_path / "runs"
    outcomes = {}
    for api_name in ("/slow", "/fragile"):
        name = api_name.strip("/")
        job = client.submit(name, api_name=api_name)
        # The function writes its pid: wait for the whole of it, not just the file.
        holds_soon(lambda name=name: (runs / name).exists() and (runs / name).read_text() != "")
        victim = (runs / name).read_text()
        os.kill(int(victim), signal.SIGKILL)
        by_pid.pop(victim).process.wait(10)
        outcomes[name] = (victim, _outcome(job, client))
    victim, retried = outcomes["slow"]
    assert retried in pids - {victim}, "ran again on another process"
    assert "worker_lost" in outcomes["fragile"][1], outcomes
    assert len(by_pid) == 1
    answers = [client.predict(f"t{i}", api_name="/echo") for i in range(5)]
    assert {a.split(":")[1] for a in answers} == set(by_pid)


def test_redis_restarted_loses_no_waiting_job(
    cluster: Cluster, persistent_redis: RedisServer
) -> None:
    url, _ = cluster(2, persistent_redis.url + "/0")
    client = Client(url, verbose=False)
    assert client.predict("before", api_name="/echo").startswith("before:")
    jobs = [client.submit(f"n{i}", api_name="/nap") for i in range(3)]
    holds_soon(lambda: jobs[0].status().code.name == "PROCESSING")
    persistent_redis.stop()
    persistent_redis.start()
    assert [_outcome(job) for job in jobs] == ["n0", "n1", "n2"]
    assert client.predict("after", api_name="/echo").startswith("after:")
