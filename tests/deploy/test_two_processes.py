"""Two `limelight run` processes of one app on one Redis and one S3 bucket (moto's server),
behind deploy/nginx.conf's round robin: consecutive requests go to different processes, so a
file uploaded through one is downloaded through the other, and (with the Redis queue) a
queued event joined through one is streamed from the other (docs/scaleout.md)."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from benchmarks.scaleout import nginx_config

from limelight.files.stores import BACKEND_ENV, FILE_STORE_ENV
from tests.cli.processes import Served, holds_soon
from tests.s3_support import BUCKET, s3_endpoint
from tests.support import free_port

NGINX = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/sbin")
pytestmark = [
    pytest.mark.skipif(NGINX is None, reason="nginx is not installed (scripts/setup-dev)"),
    pytest.mark.timeout(120),
]


@pytest.fixture
def balanced(tmp_path: Path, redis_url: str) -> Iterator[tuple[str, list[Served]]]:
    env = {
        BACKEND_ENV: redis_url,
        FILE_STORE_ENV: f"s3://{BUCKET}/{tmp_path.name}?endpoint_url={s3_endpoint()}",
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": "us-east-1",
        "GRADIO_TEMP_DIR": str(tmp_path / "cache"),
    }
    apps: list[Served] = []
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        apps.append(Served(tmp_path / name, free_port(), env=env))
    port = free_port()
    assert NGINX is not None
    config = nginx_config(tmp_path, [f"127.0.0.1:{app.port}" for app in apps], port)
    nginx = subprocess.Popen(
        [NGINX, "-p", str(tmp_path), "-c", str(config), "-e", str(tmp_path / "error.log")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
    )
    try:
        for app in apps:
            holds_soon(lambda app=app: bool(app.printed("Running on local URL")))
        yield f"http://127.0.0.1:{port}", apps
    finally:
        nginx.terminate()
        nginx.wait(10)
        for app in apps:
            app.stop()


def test_requests_alternate_and_files_cross_processes_behind_round_robin(
    balanced: tuple[str, list[Served]], tmp_path: Path
) -> None:
    url, apps = balanced
    pids = {str(app.process.pid) for app in apps}
    with httpx.Client(base_url=url, timeout=30) as client:
        holds_soon(lambda: client.get("/config").status_code == 200)
        answered = {_pid(client), _pid(client)}
        assert answered == pids, "consecutive requests went to both processes"
        uploaded = client.post("/gradio_api/upload", files=[("files", ("n.txt", b"shared"))])
        path = uploaded.json()[0]
        shutil.rmtree(tmp_path / "cache")
        downloads = [client.get(f"/gradio_api/file={path}") for _ in range(2)]
        assert [(d.status_code, d.content) for d in downloads] == [(200, b"shared")] * 2


def test_an_event_joined_through_one_process_is_streamed_from_the_other(
    balanced: tuple[str, list[Served]],
) -> None:
    """The queue is shared: whichever process runs the job, the other's stream gets its
    completion."""
    url, apps = balanced
    pids = {str(app.process.pid) for app in apps}
    with httpx.Client(base_url=url, timeout=30) as client:
        holds_soon(lambda: client.get("/config").status_code == 200)
        for round_ in range(4):
            session = f"s{round_}"
            join = {"data": [""], "fn_index": 0, "session_hash": session}
            assert client.post("/gradio_api/queue/join", json=join).status_code == 200
            stream = client.get("/gradio_api/queue/data", params={"session_hash": session})
            done = [
                json.loads(line[6:])
                for line in stream.text.splitlines()
                if line.startswith("data: ") and "process_completed" in line
            ]
            assert len(done) == 1 and done[0]["output"]["data"][0] in pids, stream.text


def _pid(client: httpx.Client) -> str:
    answer: str = client.post("/gradio_api/run/pid", json={"data": [""]}).json()["data"][0]
    return answer
