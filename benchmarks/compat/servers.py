"""Start one exported demo as a server process (on limelight or on Gradio) and stop it."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import httpx

__all__ = ["Server", "free_port", "printed_app_url", "start_gradio", "start_limelight"]

ROOT = Path(__file__).resolve().parents[2]
QUIET_ENV = {
    "GRADIO_ANALYTICS_ENABLED": "False",
    "HF_HUB_DISABLE_TELEMETRY": "1",
    "HF_HUB_OFFLINE": "1",
    "PYTHONUNBUFFERED": "1",
}
# What marks a server log as having an error (a traceback or an ERROR-level line).
LOG_ERROR = re.compile(r"Traceback \(most recent call last\)|^ERROR|\bERROR:", re.MULTILINE)


# Both servers start their random generators alike, so that a demo making random data when it
# starts (plot_guide_*) shows the same data on both.
SEEDING = """import random
random.seed(0)
try:
    import numpy
except ImportError:
    pass
else:
    numpy.random.seed(0)
"""


def _seeding_dir(log_dir: Path) -> Path:
    folder = log_dir / "seeding"
    folder.mkdir(exist_ok=True)
    (folder / "sitecustomize.py").write_text(SEEDING)
    return folder


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def printed_app_url(log: str, port: int) -> str | None:
    """The app's URL when a demo serves it under a path of its own server and prints it
    (``custom_path`` mounts it at /myapp/gradio and prints that URL); both sides follow
    the same rule, so neither is asked at a root where the other's app is not. URLs of the
    app's own API (the MCP server's, printed at launch) are not the app's."""
    for found in re.finditer(
        rf"https?://(?:localhost|127\.0\.0\.1|0\.0\.0\.0):{port}(/[^\s\"'<>]+)", log
    ):
        if found.group(1).startswith("/gradio_api/"):
            continue
        path = found.group(1) if found.group(1).endswith("/") else found.group(1) + "/"
        return f"http://127.0.0.1:{port}{path}"
    return None


@dataclass
class Server:
    """A demo running in a subprocess, its URL and its log file."""

    process: subprocess.Popen[bytes]
    url: str
    log_path: Path
    status: int | None = None
    problem: str = ""
    started_at: float = field(default_factory=time.monotonic)

    def log(self) -> str:
        """Everything the server printed so far."""
        return self.log_path.read_text(errors="replace")

    def log_errors(self) -> str:
        """The first lines of the log around an error, or '' when the log is clean."""
        text = self.log()
        found = LOG_ERROR.search(text)
        return text[found.start() :][:600] if found else ""

    def wait_ready(self, timeout: float) -> bool:
        """Poll ``GET /`` until it answers (any status), the process dies or time runs out;
        then, if the demo printed where its app is (a path of this port), ask there."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                self.problem = f"exited with {self.process.returncode}"
                return False
            try:
                self.status = self._page_status()
                printed = printed_app_url(self.log(), urlsplit(self.url).port or 0)
                if printed is not None and printed != self.url:
                    self.url = printed
                    self.status = self._page_status()
                return True
            except httpx.HTTPError:
                time.sleep(0.2)
        self.problem = f"no answer in {timeout:.0f}s"
        return False

    def _page_status(self) -> int:
        # As a browser asks: a login-protected app answers its form (200).
        return httpx.get(self.url, headers={"Accept": "text/html"}, timeout=5).status_code

    def stop(self) -> None:
        """Terminate the process (and kill it if it lingers)."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def _spawn(argv: list[str], cwd: Path, env: dict[str, str], port: int, log: Path) -> Server:
    with log.open("wb") as sink:
        process = subprocess.Popen(
            argv, cwd=cwd, env={**os.environ, **QUIET_ENV, **env}, stdout=sink, stderr=sink
        )
    return Server(process, f"http://127.0.0.1:{port}/", log)


def start_limelight(demo_dir: Path, log_dir: Path) -> Server:
    """``limelight run --gradio run.py`` on a free port, importing this checkout's limelight."""
    port = free_port()
    argv = [sys.executable, "-m", "limelight.cli", "run", "--gradio", "run.py"]
    argv += ["--host", "127.0.0.1", "--port", str(port)]
    env = {
        "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(_seeding_dir(log_dir))]),
        # As on Gradio's side: a demo that runs its own server (uvicorn.run) reads these.
        "GRADIO_SERVER_NAME": "127.0.0.1",
        "GRADIO_SERVER_PORT": str(port),
    }
    return _spawn(argv, demo_dir, env, port, log_dir / f"{demo_dir.name}.limelight.log")


def start_gradio(demo_dir: Path, python: Path, log_dir: Path) -> Server:
    """``python run.py`` under Gradio's own environment, on a free port."""
    port = free_port()
    env = {
        "GRADIO_SERVER_NAME": "127.0.0.1",
        "GRADIO_SERVER_PORT": str(port),
        "PYTHONPATH": str(_seeding_dir(log_dir)),
    }
    return _spawn(
        [str(python), "run.py"], demo_dir, env, port, log_dir / f"{demo_dir.name}.gradio.log"
    )
