"""App servers in subprocesses on free loopback ports, and what /proc says about them."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from types import TracebackType

from .env import REPO, UI

__all__ = ["APPS", "Server", "cpu_seconds", "free_port", "http_status", "rss_mib"]

APPS = REPO / "benchmarks" / "apps"
SERVE = REPO / "benchmarks" / "serve.py"
HOST = "127.0.0.1"
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def free_port() -> int:
    """A port nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def http_status(port: int, path: str = "/", timeout: float = 2.0) -> int | None:
    """The status of ``GET path``, or None when nothing answers (yet)."""
    try:
        with socket.create_connection((HOST, port), timeout=timeout) as sock:
            sock.sendall(f"GET {path} HTTP/1.1\r\nHost: {HOST}:{port}\r\n\r\n".encode())
            line = sock.recv(64).split(b"\r\n", 1)[0]
    except OSError:
        return None
    parts = line.split()
    return int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None


def _tree(pid: int) -> list[int]:
    """``pid`` and its descendants."""
    found = [pid]
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            children = Path(f"/proc/{pid}/task/{tid}/children").read_text().split()
        except OSError:
            continue
        for child in children:
            found += _tree(int(child))
    return found


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of the process tree, in seconds."""
    total = 0
    for member in _tree(pid):
        fields = Path(f"/proc/{member}/stat").read_text().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])
    return total / CLOCK_TICKS


def rss_mib(pid: int) -> float:
    """Resident memory of the process tree, in MiB."""
    total = 0
    for member in _tree(pid):
        for line in Path(f"/proc/{member}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1])
    return total / 1024


class Server:
    """An app served by ``ui`` in a subprocess; a context manager that always stops it.

    ``startup_s`` is the time from starting the process until ``GET ready_path`` (the
    page, by default) answered 200. ``app`` names a file of ``benchmarks/apps/`` or is
    the path of another app file (a demo); ``env`` adds to the server's environment (an
    app's own settings).
    """

    def __init__(
        self,
        ui: UI,
        app: str | Path,
        timeout: float = 60.0,
        ready_path: str = "/",
        env: dict[str, str] | None = None,
    ) -> None:
        self.ui = ui
        self.ready_path = ready_path
        self.app = app if isinstance(app, Path) else APPS / f"{app}.py"
        self.extra_env = env or {}
        self.timeout = timeout
        self.port = free_port()
        self.proc: subprocess.Popen[bytes] | None = None
        self.log = tempfile.TemporaryFile()  # noqa: SIM115 (closed by stop())
        self.startup_s = 0.0

    @property
    def pid(self) -> int:
        """The server's process id."""
        assert self.proc is not None
        return self.proc.pid

    @property
    def url(self) -> str:
        """The app's root URL."""
        return f"http://{HOST}:{self.port}/"

    def start(self, attempts: int = 3) -> Server:
        """Start the server and wait until its page answers 200.

        A server that dies before answering is started again (up to ``attempts`` times):
        on a loaded machine Gradio's own check that it can reach itself may time out.
        """
        for attempt in range(1, attempts + 1):
            try:
                return self._start_once()
            except RuntimeError:
                if attempt == attempts:
                    raise
                self.port = free_port()
        raise AssertionError("unreachable")

    def _start_once(self) -> Server:
        start = time.perf_counter()
        self.log.seek(0)
        self.log.truncate()
        self.proc = subprocess.Popen(
            [self.ui.python, str(SERVE), str(self.app), str(self.port)],
            env=self.ui.env(**self.extra_env),
            stdout=subprocess.DEVNULL,
            stderr=self.log,
            start_new_session=True,
        )
        deadline = start + self.timeout
        while http_status(self.port, self.ready_path) != 200:
            if self.proc.poll() is not None:
                self.log.seek(0)
                err = self.log.read().decode(errors="replace")[-4000:]
                raise RuntimeError(f"{self.ui.name} server for {self.app.name} died:\n{err}")
            if time.perf_counter() > deadline:
                self.stop()
                raise TimeoutError(f"{self.ui.name} server for {self.app.name} did not start")
            time.sleep(0.005)
        self.startup_s = time.perf_counter() - start
        return self

    def stop(self) -> None:
        """Interrupt the server, then terminate or kill its process group if it lingers."""
        self.log.close()
        if self.proc is None or self.proc.poll() is not None:
            return
        for sig, wait in ((signal.SIGINT, 5), (signal.SIGTERM, 3), (signal.SIGKILL, 3)):
            try:
                os.killpg(self.proc.pid, sig)
            except ProcessLookupError:
                break
            try:
                self.proc.wait(wait)
                break
            except subprocess.TimeoutExpired:
                continue

    def __enter__(self) -> Server:
        try:
            return self.start()
        except BaseException:
            self.stop()
            raise

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
