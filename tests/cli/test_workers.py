"""``limelight run --workers N`` and a graceful stop on SIGTERM (docs/scaleout.md,
"Several processes on one host" and "Stopping gracefully"), with real processes."""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from limelight.cli import main
from limelight.cli.supervisor import Supervisor, listen
from limelight.files.stores import BACKEND_ENV
from tests.cli.processes import Served, holds_soon
from tests.support import free_port

pytestmark = pytest.mark.timeout(120)


@pytest.fixture
def served(tmp_path: Path) -> Iterator[list[Served]]:
    started: list[Served] = []
    yield started
    for process in started:
        process.stop()


def test_several_workers_without_a_shared_backend_are_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(BACKEND_ENV, raising=False)
    script = tmp_path / "app.py"
    script.write_text("import limelight as gr\ndemo = gr.Blocks()\n")
    with pytest.raises(SystemExit, match=r"--backend redis://.*LIMELIGHT_BACKEND") as refused:
        main(["run", str(script), "--workers", "2"])
    assert "in memory" in str(refused.value)
    with pytest.raises(SystemExit, match="in memory"):
        main(["run", str(script), "--workers", "2", "--backend", "memory"])
    with pytest.raises(SystemExit, match="1 or more"):
        main(["run", str(script), "--workers", "0"])


def test_the_backend_option_wins_over_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from limelight.cli.run import run_workers

    monkeypatch.setenv(BACKEND_ENV, "memory")
    args = argparse.Namespace(workers=2, backend=None, file=tmp_path / "missing.py")
    with pytest.raises(SystemExit, match="shared backend"):
        run_workers(args)
    args.backend = "redis://127.0.0.1:1/0"
    with pytest.raises(SystemExit, match="no such file"):
        run_workers(args)


def test_sigterm_stops_accepting_and_lets_the_running_job_finish(
    tmp_path: Path, served: list[Served]
) -> None:
    app = Served(tmp_path, free_port(), "--grace-period", "60", env={})
    served.append(app)
    holds_soon(app.accepts)
    session = {"data": ["x"], "fn_index": 1, "session_hash": "s"}
    messages: list[dict[str, object]] = []

    def follow() -> None:
        with httpx.Client(base_url=app.url, timeout=60) as client:
            assert client.post("/gradio_api/queue/join", json=session).status_code == 200
            stream = client.get("/gradio_api/queue/data", params={"session_hash": "s"})
            for line in stream.text.splitlines():
                if line.startswith("data: "):
                    messages.append(json.loads(line[6:]))

    reader = threading.Thread(target=follow)
    reader.start()
    holds_soon(app.started.exists)
    app.process.send_signal(signal.SIGTERM)
    holds_soon(lambda: not app.accepts())
    assert app.process.poll() is None, "the running job holds the process"
    app.release("finished")
    reader.join(60)
    done = [m for m in messages if m.get("msg") == "process_completed"]
    assert done and done[0]["success"] and done[0]["output"]["data"] == ["finished"]
    assert app.process.wait(60) == 0
    assert app.printed("finishing running jobs (up to 60 s)")


def test_workers_share_the_port_and_a_dead_worker_is_started_again(
    tmp_path: Path, served: list[Served], redis_url: str
) -> None:
    app = Served(tmp_path, free_port(), "--workers", "2", env={BACKEND_ENV: redis_url})
    served.append(app)
    holds_soon(lambda: len(app.printed("* Worker ")) == 2 and app.accepts())
    pids = {int(line.split("pid ")[1].rstrip(")")) for line in app.printed("* Worker ")}
    holds_soon(lambda: len(app.printed("Running on local URL")) == 2)
    answered = app.call("pid")
    assert answered.status_code == 200 and int(answered.json()["data"][0]) in pids
    victim = pids.pop()
    os.kill(victim, signal.SIGKILL)
    holds_soon(lambda: bool(app.printed(f"(pid {victim}) exited with status -9")))
    holds_soon(lambda: len(app.printed("* Worker ")) == 3)
    holds_soon(lambda: len(app.printed("Running on local URL")) == 3)
    restarted = int(app.printed("* Worker ")[-1].split("pid ")[1].rstrip(")"))
    for _ in range(4):
        assert int(app.call("pid").json()["data"][0]) in {*pids, restarted}
    app.process.send_signal(signal.SIGTERM)
    assert app.process.wait(60) == 0
    for pid in (*pids, restarted):
        holds_soon(lambda pid=pid: not _alive(pid))


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_queued_events_work_whichever_worker_answers(
    tmp_path: Path, served: list[Served], redis_url: str
) -> None:
    """A join and its stream go to any worker (a new connection each), and every event
    completes."""
    app = Served(tmp_path, free_port(), "--workers", "2", env={BACKEND_ENV: redis_url})
    served.append(app)
    holds_soon(lambda: len(app.printed("Running on local URL")) == 2)
    for round_ in range(6):
        session = f"s{round_}"
        with httpx.Client(base_url=app.url, timeout=60) as client:
            join = {"data": ["x"], "fn_index": 0, "session_hash": session}
            assert client.post("/gradio_api/queue/join", json=join).status_code == 200
        with httpx.Client(base_url=app.url, timeout=60) as client:
            stream = client.get("/gradio_api/queue/data", params={"session_hash": session})
        assert "process_completed" in stream.text


def test_workers_that_keep_failing_to_start_stop_the_parent(
    capsys: pytest.CaptureFixture[str],
) -> None:
    sock = listen("127.0.0.1", 0)
    command = [sys.executable, "-c", "raise SystemExit(3)"]
    assert Supervisor(command, dict(os.environ), 2, sock).run() == 1
    err = capsys.readouterr().err
    assert "starting it again" in err and "5 workers in a row exited at once" in err
    assert sock.fileno() == -1, "the parent closed the shared socket"
