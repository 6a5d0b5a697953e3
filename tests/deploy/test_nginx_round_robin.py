"""deploy/nginx.conf itself in front of two instances of one app sharing an S3 file store
(moto's server), as compose.yaml runs it: nginx alternates between them (no sticky
sessions), and a file uploaded through one is downloaded through either. Only the upstream
addresses and the port are changed, for loopback (``benchmarks.scaleout.nginx_config``, which
the scale-out benchmark uses too); skipped where nginx is not installed."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from benchmarks.scaleout import nginx_config
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Route

import limelight as gr
from limelight.server import create_app
from limelight.server.services import ServerSettings
from tests.cli.processes import holds_soon
from tests.s3_support import BUCKET, s3_endpoint
from tests.support import free_port, serving

NGINX = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/sbin")
pytestmark = pytest.mark.skipif(NGINX is None, reason="nginx is not installed (scripts/setup-dev)")


@pytest.fixture
def nginx_in_front(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"):
        monkeypatch.setenv(name, "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    store = f"s3://{BUCKET}/{tmp_path.name}?endpoint_url={s3_endpoint()}"
    with (
        serving(instance("first", store, tmp_path)) as first,
        serving(instance("second", store, tmp_path)) as second,
    ):
        port = free_port()
        main = nginx_config(tmp_path, [first[7:], second[7:]], port)
        assert NGINX is not None
        process = subprocess.Popen(
            [NGINX, "-p", str(tmp_path), "-c", str(main), "-e", str(tmp_path / "error.log")],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.STDOUT,
        )
        try:
            url = f"http://127.0.0.1:{port}"
            holds_soon(lambda: _answers(url) or process.poll() is not None, timeout=20)
            assert process.poll() is None, (tmp_path / "error.log").read_text()
            yield url
        finally:
            process.terminate()
            process.wait(10)


def _answers(url: str) -> bool:
    try:
        return httpx.get(f"{url}/whoami", timeout=2).status_code == 200
    except httpx.TransportError:
        return False


def instance(name: str, store: str, work: Path) -> Starlette:
    """One instance of the app; ``/whoami`` tells the instances apart."""

    async def whoami(request: Request) -> PlainTextResponse:
        return PlainTextResponse(name)

    with gr.Blocks() as demo:
        gr.File()
    settings = ServerSettings(cache_dir=str(work / "cache"), file_store=store)
    return create_app(demo, settings, {"routes": [Route("/whoami", whoami)]})


def test_requests_alternate_and_files_are_served_by_either_instance(
    nginx_in_front: str, tmp_path: Path
) -> None:
    with httpx.Client(base_url=nginx_in_front, timeout=30) as client:
        assert {client.get("/whoami").text for _ in range(4)} == {"first", "second"}
        uploaded = client.post("/gradio_api/upload", files=[("files", ("a.txt", b"shared"))])
        path = uploaded.json()[0]
        shutil.rmtree(tmp_path / "cache")
        downloads = [client.get(f"/gradio_api/file={path}") for _ in range(2)]
        assert [(d.status_code, d.content) for d in downloads] == [(200, b"shared")] * 2
