"""``launch()`` on a real uvicorn on 127.0.0.1: the port the OS picks, and HTTPS."""

from __future__ import annotations

import os
import shutil
import ssl
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

import limelight as gr


def _demo() -> gr.Blocks:
    with gr.Blocks() as demo:
        box = gr.Textbox()
        gr.Button().click(lambda text: text[::-1], box, box, api_name="reverse")
    return demo


def test_port_zero_binds_a_free_port_and_reports_it() -> None:
    demo = _demo()
    _, url, share_url = demo.launch(server_port=0, prevent_thread_lock=True, quiet=True)
    try:
        assert demo.server_port not in (None, 0)
        assert url == f"http://127.0.0.1:{demo.server_port}/"
        assert share_url is None
        assert httpx.get(url + "config", timeout=10).status_code == 200
    finally:
        demo.close(verbose=False)


@pytest.fixture
def certificate(tmp_path: Path) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 and its key, made by the openssl command."""
    if shutil.which("openssl") is None:
        pytest.skip("the openssl command is not installed")
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(
        [
            *("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"),
            *("-keyout", str(key), "-out", str(cert), "-subj", "/CN=127.0.0.1"),
            *("-addext", "subjectAltName=IP:127.0.0.1"),
        ],
        check=True,
        capture_output=True,
    )
    return key, cert


def test_ssl_files_serve_https(certificate: tuple[Path, Path]) -> None:
    key, cert = certificate
    demo = _demo()
    _, url, _ = demo.launch(
        ssl_keyfile=str(key),
        ssl_certfile=str(cert),
        ssl_verify=False,
        server_port=0,
        prevent_thread_lock=True,
        quiet=True,
    )
    try:
        assert url.startswith("https://127.0.0.1:")
        trusted = ssl.create_default_context(cafile=str(cert))
        answer = httpx.post(
            url + "gradio_api/call/reverse", json={"data": ["abc"]}, verify=trusted, timeout=10
        )
        assert answer.status_code == 200
        assert httpx.get(url + "config", verify=trusted, timeout=10).json()["root"] == url[:-1]
        with pytest.raises(httpx.TransportError):
            httpx.get(url.replace("https", "http") + "config", timeout=10)
    finally:
        demo.close(verbose=False)


def test_ssl_verify_refuses_a_certificate_nobody_vouches_for(
    certificate: tuple[Path, Path],
) -> None:
    key, cert = certificate
    demo = _demo()
    with pytest.raises(ValueError, match="ssl_verify=False"):
        demo.launch(
            ssl_keyfile=str(key),
            ssl_certfile=str(cert),
            server_port=0,
            prevent_thread_lock=True,
            quiet=True,
        )
    assert demo.server is None


def test_ssl_verify_accepts_a_certificate_the_system_trusts(
    certificate: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    key, cert = certificate
    monkeypatch.setenv("SSL_CERT_FILE", str(cert))
    demo = _demo()
    demo.launch(
        ssl_keyfile=str(key),
        ssl_certfile=str(cert),
        server_port=0,
        prevent_thread_lock=True,
        quiet=True,
    )
    try:
        assert demo.server is not None
    finally:
        demo.close(verbose=False)


def test_an_encrypted_key_needs_its_password(
    certificate: tuple[Path, Path], tmp_path: Path
) -> None:
    key, cert = certificate
    locked = tmp_path / "locked.pem"
    subprocess.run(
        [
            "openssl",
            "pkey",
            "-in",
            str(key),
            "-out",
            str(locked),
            "-aes256",
            "-passout",
            "pass:right",
        ],
        check=True,
        capture_output=True,
    )
    with pytest.raises(ValueError, match="ssl_keyfile_password"):
        _demo().launch(
            ssl_keyfile=str(locked),
            ssl_certfile=str(cert),
            ssl_keyfile_password="wrong",
            ssl_verify=False,
            server_port=0,
            prevent_thread_lock=True,
            quiet=True,
        )
    demo = _demo()
    demo.launch(
        ssl_keyfile=str(locked),
        ssl_certfile=str(cert),
        ssl_keyfile_password="right",
        ssl_verify=False,
        server_port=0,
        prevent_thread_lock=True,
        quiet=True,
    )
    demo.close(verbose=False)


def test_frontend_false_skips_the_check_as_gradio_skips_its_page_check(
    certificate: tuple[Path, Path],
) -> None:
    key, cert = certificate
    demo = _demo()
    demo.launch(
        ssl_keyfile=str(key),
        ssl_certfile=str(cert),
        _frontend=False,
        server_port=0,
        prevent_thread_lock=True,
        quiet=True,
    )
    try:
        assert demo.server is not None
    finally:
        demo.close(verbose=False)


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs Linux's /proc")
def test_serving_on_an_address_starts_no_idle_threads() -> None:
    # Given a host to resolve, uvicorn's event loop starts four resolver threads that idle
    # for the life of the process; an address is bound without them. An app with no initial
    # files to store starts no worker thread either.
    script = (
        "import os, sys, threading\n"
        "import limelight as gr\n"
        "demo = gr.Interface(lambda x: x, 'text', 'text')\n"
        "demo.launch(server_name='127.0.0.1', server_port=0, prevent_thread_lock=True,"
        " quiet=True)\n"
        "import httpx\n"
        "assert httpx.get(demo.local_url, timeout=10).status_code == 200\n"
        "names = [open(f'/proc/self/task/{t}/comm').read().strip()"
        " for t in os.listdir('/proc/self/task')]\n"
        "print(sorted(names))\n"
        "print([t.name for t in threading.enumerate()])\n"
        "demo.close(verbose=False)\n"
    )
    src = Path(__file__).resolve().parents[2] / "src"
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(src)},
        check=True,
        timeout=60,
    )
    assert "libuv-worker" not in result.stdout
    assert "worker thread" not in result.stdout
