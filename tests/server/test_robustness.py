"""The server under abuse it must shrug off (docs/security.md #29): a normal call answers
beside hundreds of idle streams, silent sockets and a slowloris, and memory stays flat over
thousands of calls."""

from __future__ import annotations

import gc
import os
import socket
import threading
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager

import httpx
import pytest

import limelight as gr
from tests.support import asgi_client

IDLE_STREAMS, SILENT_SOCKETS = 500, 100


def _echo_app() -> gr.Blocks:
    with gr.Blocks() as demo:
        box = gr.Textbox()
        box.submit(lambda text: text[::-1], box, box, api_name="reverse")
    return demo


def _open_file_room() -> None:
    """Skip where this process may not hold every socket of the test, both of its ends
    (``launch`` raises the soft limit to the hard one; the hard one is the ceiling)."""
    resource = pytest.importorskip("resource")
    _, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    needed = 2 * (IDLE_STREAMS + SILENT_SOCKETS) + 512
    if hard != resource.RLIM_INFINITY and hard < needed:
        pytest.skip(f"the open-file hard limit ({hard}) is below the {needed} this test needs")


def _idle_stream(port: int, n: int) -> socket.socket:
    """A heartbeat stream, as an open page holds one, once its first event has arrived."""
    sock = socket.create_connection(("127.0.0.1", port), timeout=10)
    request = f"GET /gradio_api/heartbeat/idle-{n} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
    sock.sendall(request.encode())
    received = b""
    while b"ALIVE" not in received:
        chunk = sock.recv(4096)
        assert chunk, "the server closed an idle stream"
        received += chunk
    return sock


@contextmanager
def _slowloris(port: int) -> Iterator[None]:
    """A client sending its headers a few bytes at a time, until ``stop``."""
    sock = socket.create_connection(("127.0.0.1", port), timeout=10)
    stop = threading.Event()

    def dribble() -> None:
        with sock:
            sock.sendall(b"GET /config HTTP/1.1\r\nHost: 127.0.0.1\r\n")
            n = 0
            # The dribbling is the attack under test, so it waits between its bytes.
            while not stop.wait(0.05):
                try:
                    sock.sendall(f"X-{n}: {n}\r\n".encode())
                except OSError:
                    return
                n += 1

    thread = threading.Thread(target=dribble, daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join(timeout=10)


def test_a_call_answers_beside_idle_streams_silent_sockets_and_a_slowloris() -> None:
    _open_file_room()
    demo = _echo_app()
    demo.launch(server_port=0, prevent_thread_lock=True, quiet=True)
    port = demo.server_port
    assert port is not None
    try:
        with ExitStack() as stack:
            for n in range(IDLE_STREAMS):
                stack.enter_context(_idle_stream(port, n))
            for _ in range(SILENT_SOCKETS):
                stack.enter_context(socket.create_connection(("127.0.0.1", port), timeout=10))
            stack.enter_context(_slowloris(port))
            # The brief's bound: a normal call still answers within a second.
            answer = httpx.post(
                f"http://127.0.0.1:{port}/gradio_api/run/reverse",
                json={"data": ["flood"]},
                timeout=1.0,
            )
        assert answer.status_code == 200
        assert answer.json()["data"] == ["doolf"]
    finally:
        demo.close(verbose=False)


def _resident_bytes() -> int:
    """This process's resident memory, from Linux's /proc."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


@pytest.mark.anyio
@pytest.mark.timeout(300)  # 5,000 requests through httpx's in-process transport
@pytest.mark.skipif(not os.path.exists("/proc/self/statm"), reason="reads Linux's /proc")
async def test_memory_stays_flat_over_thousands_of_calls() -> None:
    """The memory the 1,000th to the 5,000th call add must stay small (the first thousand
    warm caches and pools up): the bound, 16 MB, is what a leak of 4 KB a call would add; a
    healthy run adds about 2 MB of allocator noise. Not timed."""
    async with asgi_client(_echo_app()) as client:

        async def call(n: int) -> None:
            answer = await client.post("/gradio_api/run/reverse", json={"data": [f"call {n}"]})
            assert answer.status_code == 200

        for n in range(1000):
            await call(n)
        gc.collect()
        before = _resident_bytes()
        for n in range(1000, 5000):
            await call(n)
        gc.collect()
        grown = _resident_bytes() - before
    assert grown < 16_000_000, f"{grown} bytes more after 4,000 calls"
