"""Apps behind a real nginx that serves them under a path prefix it strips, as deployments
do: pages, the config's root, file URLs, events, heartbeats and the login all go through
the prefix. Debian's nginx runs on a loopback port with a generated configuration; the
tests are skipped where it is not installed (``scripts/setup-dev`` and CI install it)."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

import limelight as gr
from tests.support import free_port, serving

NGINX = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/sbin")
gradio_client = pytest.importorskip("gradio_client")
fastapi = pytest.importorskip("fastapi")
from gradio_client import Client  # noqa: E402

pytestmark = [
    pytest.mark.compat,
    pytest.mark.skipif(NGINX is None, reason="nginx is not installed (scripts/setup-dev)"),
]

PREFIX = "/proxied"
CONFIG = """
daemon off;
master_process off;
pid {work}/nginx.pid;
error_log {work}/error.log warn;
events {{ worker_connections 64; }}
http {{
    access_log off;
    client_body_temp_path {work}/body;
    proxy_temp_path {work}/proxy;
    fastcgi_temp_path {work}/fastcgi;
    uwsgi_temp_path {work}/uwsgi;
    scgi_temp_path {work}/scgi;
    server {{
        listen 127.0.0.1:{port};
{locations}
    }}
}}
"""
LOCATION = """
        location {prefix}/ {{
            proxy_pass {upstream}/;
            proxy_buffering off;
            proxy_http_version 1.1;
            proxy_set_header Host {host};
            proxy_set_header X-Forwarded-Host $http_host;
            proxy_set_header X-Forwarded-For $remote_addr;
            proxy_set_header X-Forwarded-Proto $scheme;
            proxy_set_header X-Forwarded-Prefix {prefix};
        }}"""
LAUNCHED = "/launched"
PUBLIC = "/public"
"""A launched app told to trust the proxy (``forwarded_allow_ips``), which names it by a
public host name, as a deployment's nginx does (``proxy_set_header Host $host``)."""
PUBLIC_NAME = "app.example"


def _wait_for_port(port: int, process: subprocess.Popen[bytes], log: Path) -> None:
    """Return once something accepts connections on ``port`` (nginx has no readiness
    signal but the listening socket); fail if nginx exits first."""
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"nginx exited: {log.read_text(errors='replace')}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.05)
    pytest.fail("nginx did not listen in time")


def _nginx(upstreams: dict[str, str], work: Path) -> Iterator[str]:
    """nginx on a free loopback port proxying each prefix of ``upstreams`` to its URL;
    gives nginx's URL."""
    port = free_port()
    conf = work / "nginx.conf"
    locations = "".join(
        LOCATION.format(
            prefix=prefix,
            upstream=upstream.rstrip("/"),
            host=PUBLIC_NAME if prefix == PUBLIC else "$http_host",
        )
        for prefix, upstream in upstreams.items()
    )
    conf.write_text(CONFIG.format(work=work, port=port, locations=locations))
    log = work / "error.log"
    assert NGINX is not None
    argv = [NGINX, "-p", str(work), "-c", str(conf), "-e", str(log)]
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    try:
        _wait_for_port(port, process, log)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)


def _host(tmp_path: Path) -> Any:
    """A FastAPI host with a public app at /gradio (a file output; its public root given as
    ``root_path``) and one behind a login (its root found from ``X-Forwarded-Prefix``)."""
    report = tmp_path / "report.txt"
    report.write_text("the report")

    def shout(text: str) -> tuple[str, str]:
        return text.upper(), str(report)

    public = gr.Interface(shout, "textbox", ["textbox", gr.File()], api_name="shout")
    private = gr.Interface(lambda text: text, "textbox", "textbox", api_name="echo")
    host = fastapi.FastAPI()

    @host.get("/")
    def main() -> dict[str, str]:
        return {"app": "host"}

    gr.mount_gradio_app(
        host, public, "/gradio", root_path=f"{PREFIX}/gradio", allowed_paths=[str(tmp_path)]
    )
    gr.mount_gradio_app(host, private, "/private", auth=("ada", "lovelace"))
    return host


def _launched() -> gr.Blocks:
    """An app served by its own ``launch()``, told about the proxy only by its headers."""
    with gr.Blocks() as demo:
        text, out = gr.Textbox(), gr.Textbox()
        text.submit(lambda value: value[::-1], text, out, api_name="reverse")
    return demo


@pytest.fixture(scope="module")
def nginx(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The URL of nginx: the host app (with two mounted apps) under ``PREFIX``, a launched
    app that does not trust the proxy under ``LAUNCHED`` and one that does under ``PUBLIC``."""
    work = tmp_path_factory.mktemp("nginx")
    launched, public = _launched(), _launched()
    launched.launch(
        server_name="127.0.0.1", server_port=free_port(), prevent_thread_lock=True, quiet=True
    )
    public.launch(
        server_name="127.0.0.1",
        server_port=free_port(),
        prevent_thread_lock=True,
        quiet=True,
        forwarded_allow_ips=["127.0.0.1"],
    )
    assert launched.local_url is not None and public.local_url is not None
    try:
        # The mounted apps trust the proxy through the environment (mount_gradio_app has
        # Gradio's keywords only); the launched ones by their own keyword, or not at all.
        trusting = pytest.MonkeyPatch()
        trusting.setenv("LIMELIGHT_FORWARDED_ALLOW_IPS", "127.0.0.1")
        try:
            host = _host(tmp_path_factory.mktemp("files"))
        finally:
            trusting.undo()
        with serving(host) as upstream:
            upstreams = {PREFIX: upstream, LAUNCHED: launched.local_url, PUBLIC: public.local_url}
            yield from _nginx(upstreams, work)
    finally:
        launched.close(verbose=False)
        public.close(verbose=False)


@pytest.fixture
def proxy(nginx: str) -> str:
    """nginx's URL of the host app's root."""
    return nginx + PREFIX


def test_the_page_and_config_name_the_public_root(proxy: str) -> None:
    assert httpx.get(f"{proxy}/").json() == {"app": "host"}
    page = httpx.get(f"{proxy}/gradio/", headers={"Accept": "text/html"})
    assert page.status_code == 200
    assert f'"root":"{proxy}/gradio"' in page.text
    assert httpx.get(f"{proxy}/gradio/config").json()["root"] == f"{proxy}/gradio"


def test_the_client_calls_through_the_prefix_and_downloads_file_outputs(
    proxy: str, tmp_path: Path
) -> None:
    client = Client(f"{proxy}/gradio/", verbose=False, download_files=str(tmp_path))
    loud, report = client.predict("hi", api_name="/shout")
    assert loud == "HI"
    assert Path(report).read_text() == "the report"
    info = httpx.get(f"{proxy}/gradio/gradio_api/info").json()
    assert "/shout" in info["named_endpoints"]


def test_file_urls_in_outputs_go_through_the_proxy(proxy: str) -> None:
    called = httpx.post(f"{proxy}/gradio/gradio_api/call/shout", json={"data": ["x"]})
    event_id = called.json()["event_id"]
    result = httpx.get(f"{proxy}/gradio/gradio_api/call/shout/{event_id}")
    url = next(part for part in result.text.split('"') if "gradio_api/file=" in part)
    assert url.startswith(f"{proxy}/gradio/gradio_api/file=")
    assert httpx.get(url).text == "the report"


def test_heartbeats_stream_through_the_proxy(proxy: str) -> None:
    url = f"{proxy}/gradio/gradio_api/heartbeat/some-session"
    with httpx.stream("GET", url, timeout=10) as beats:
        assert beats.status_code == 200
        assert next(beats.iter_bytes()).startswith(b"data: ALIVE")


def test_the_login_works_through_the_proxy(proxy: str) -> None:
    with httpx.Client(base_url=f"{proxy}/private") as browser:
        form = browser.get("/", headers={"Accept": "text/html"})
        assert "action='login'" in form.text
        assert browser.get("/config").status_code == 401
        login = browser.post(
            "/login",
            data={"username": "ada", "password": "lovelace"},
            headers={"Accept": "text/html"},
        )
        assert login.status_code == 303
        assert login.headers["location"] == "./"
        assert browser.get("/config").json()["root"] == f"{proxy}/private"
        client = Client(f"{proxy}/private/", auth=("ada", "lovelace"), verbose=False)
        assert client.predict("hey", api_name="/echo") == "hey"


def test_a_launched_app_that_trusts_its_proxy_works_from_its_headers_alone(nginx: str) -> None:
    url = f"{nginx}{PUBLIC}"
    assert httpx.get(f"{url}/config").json()["root"] == url
    assert Client(f"{url}/", verbose=False).predict("abc", api_name="/reverse") == "cba"
    with httpx.stream("GET", f"{url}/gradio_api/heartbeat/s", timeout=10) as beats:
        assert next(beats.iter_bytes()).startswith(b"data: ALIVE")


def test_an_app_that_does_not_trust_its_proxy_refuses_a_public_name(nginx: str) -> None:
    # Without forwarded_allow_ips a loopback-bound app sent a public Host cannot tell the
    # proxy from a rebinding page (docs/security.md #17); the answer says what to set.
    refused = httpx.get(f"{nginx}{LAUNCHED}/config", headers={"Host": PUBLIC_NAME})
    assert refused.status_code == 400
    assert "allowed_hosts" in refused.json()["detail"]
