"""What one client connection may hold on a real server (docs/security.md #29): a socket
that sends nothing, or dribbles its headers, is closed; connections over the cap get 503;
the open-file limit is raised; responses do not name the server software."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager

import httpx
import pytest

import limelight as gr
from limelight.server.launch import raise_open_file_limit

resource = pytest.importorskip("resource")


@contextmanager
def launched(monkeypatch: pytest.MonkeyPatch, **env: str) -> Iterator[int]:
    """A small app launched on 127.0.0.1 with ``LIMELIGHT_<name>`` variables; its port."""
    for name, value in env.items():
        monkeypatch.setenv(f"LIMELIGHT_{name}", value)
    with gr.Blocks() as demo:
        box = gr.Textbox()
        box.submit(lambda text: text, box, box, api_name="echo")
    demo.launch(server_port=0, prevent_thread_lock=True, quiet=True)
    try:
        assert demo.server_port is not None
        yield demo.server_port
    finally:
        demo.close(verbose=False)


def connect(port: int) -> socket.socket:
    sock = socket.create_connection(("127.0.0.1", port), timeout=10)
    return sock


def closed_by_server(sock: socket.socket) -> bool:
    """Whether the server closes ``sock`` (reading to its end; the socket's own timeout,
    far above the server's, bounds the wait should it never)."""
    try:
        while sock.recv(4096):
            pass
    except TimeoutError:
        return False
    except ConnectionResetError:
        pass
    return True


def test_silent_and_slow_connections_are_closed(monkeypatch: pytest.MonkeyPatch) -> None:
    # The attack: connect and send nothing, or only part of the headers (slowloris), and
    # hold the socket for good: uvicorn times a connection out only after a response.
    with launched(monkeypatch, HEADER_TIMEOUT="0.3") as port, ExitStack() as stack:
        silent = stack.enter_context(connect(port))
        partial = stack.enter_context(connect(port))
        partial.sendall(b"GET /config HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
        kept_alive = stack.enter_context(connect(port))
        kept_alive.sendall(b"GET /config HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        assert kept_alive.recv(12) == b"HTTP/1.1 200"
        kept_alive.sendall(b"GET /config HTTP/1.1\r\nHost: 127.")
        assert closed_by_server(silent)
        assert closed_by_server(partial)
        assert closed_by_server(kept_alive)


def test_connections_over_the_cap_are_refused_until_some_close(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with launched(monkeypatch, MAX_CONNECTIONS="3") as port:
        url = f"http://127.0.0.1:{port}/config"
        with ExitStack() as stack:
            for _ in range(3):
                stack.enter_context(connect(port))
            assert httpx.get(url, timeout=10).status_code == 503
        assert httpx.get(url, timeout=10).status_code == 200


def test_the_open_file_limit_is_raised_to_the_hard_limit() -> None:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard == resource.RLIM_INFINITY or hard < 512:
        pytest.skip("no finite hard limit above the reserve to raise to")
    resource.setrlimit(resource.RLIMIT_NOFILE, (512, hard))
    try:
        assert raise_open_file_limit() == hard
        assert resource.getrlimit(resource.RLIMIT_NOFILE) == (hard, hard)
    finally:
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))


def test_responses_do_not_name_the_server(monkeypatch: pytest.MonkeyPatch) -> None:
    with launched(monkeypatch) as port:
        answer = httpx.get(f"http://127.0.0.1:{port}/config", timeout=10)
    assert answer.status_code == 200
    assert "server" not in answer.headers
