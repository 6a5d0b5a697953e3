"""Running ``limelight run`` as a real process for the tests: its output read line by line in
a thread, waits on what it prints or on its port, never on time alone."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import httpx

__all__ = ["APP", "Served", "holds_soon"]

APP = """
import os
from pathlib import Path

import limelight as gr


def pid(text):
    return str(os.getpid())


def wait(text):
    # Blocks until the test writes to the pipe: a job that is running until released.
    Path(os.environ["TEST_STARTED"]).touch()
    with open(os.environ["TEST_FIFO"]) as fifo:
        return fifo.read()


with gr.Blocks() as demo:
    given, answer = gr.Textbox(), gr.Textbox()
    gr.Button().click(pid, given, answer, api_name="pid")
    gr.Button().click(wait, given, answer, api_name="wait")

# Launched by the file itself, as most scripts do: once stopped it is not served again.
if __name__ == "__main__":
    demo.launch()
"""


def holds_soon(condition: Callable[[], bool], timeout: float = 60.0) -> None:
    """Poll ``condition`` until it holds; fail after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "the condition did not hold in time"
        time.sleep(0.02)


class Served:
    """``limelight run`` with ``args`` on ``port``, the app of ``app`` (by default ``APP``) in
    ``folder``."""

    def __init__(
        self, folder: Path, port: int, *args: str, env: dict[str, str], app: str = APP
    ) -> None:
        self.folder = folder
        self.port = port
        self.url = f"http://127.0.0.1:{port}"
        script = folder / "app.py"
        script.write_text(app)
        self.fifo = folder / "release"
        os.mkfifo(self.fifo)
        self.started = folder / "started"
        full_env = {
            **os.environ,
            **env,
            "TEST_FIFO": str(self.fifo),
            "TEST_STARTED": str(self.started),
            "GRADIO_ANALYTICS_ENABLED": "False",
        }
        command = [sys.executable, "-m", "limelight.cli", "run", str(script)]
        self.process = subprocess.Popen(
            [*command, "--port", str(port), *args],
            env=full_env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.lines: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.append(line.rstrip("\n"))

    def printed(self, text: str) -> list[str]:
        return [line for line in list(self.lines) if text in line]

    def accepts(self) -> bool:
        with socket.socket() as sock:
            return sock.connect_ex(("127.0.0.1", self.port)) == 0

    def call(self, api_name: str, text: str = "") -> httpx.Response:
        """One call on a new connection (so any process sharing the port may take it)."""
        with httpx.Client(base_url=self.url, timeout=60) as client:
            return client.post(f"/gradio_api/run/{api_name}", json={"data": [text]})

    def release(self, text: str) -> None:
        with open(self.fifo, "w") as fifo:
            fifo.write(text)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
