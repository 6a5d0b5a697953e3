"""``limelight dev`` run as a subprocess, as a user runs it, and read as a page reads it."""

from __future__ import annotations

import os
import queue
import re
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

import httpx

T = TypeVar("T")

CLIENT_ENV = {
    "GRADIO_ANALYTICS_ENABLED": "False",
    "HF_HUB_DISABLE_TELEMETRY": "1",
    "HF_HUB_OFFLINE": "1",
}
URL = re.compile(r"Running on local URL:\s+(\S+)")


class DevProcess:
    """A running ``limelight dev``: its URL and everything it printed so far."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        self.process = process
        self.lines: queue.Queue[str] = queue.Queue()
        self.printed: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    @property
    def url(self) -> str:
        """The app's URL, once printed."""
        return self.wait_for_line(URL.search, timeout=60).group(1)

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line)

    def wait_for_line(self, match: Callable[[str], T | None], timeout: float = 10.0) -> T:
        """The first printed line (from now on, or already read) ``match`` accepts."""
        deadline = time.monotonic() + timeout
        for line in self.printed:
            if (found := match(line)) is not None:
                return found
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise AssertionError(f"not printed; the output was:\n{''.join(self.printed)}")
            try:
                line = self.lines.get(timeout=remaining)
            except queue.Empty:
                continue
            self.printed.append(line)
            if (found := match(line)) is not None:
                return found


@contextmanager
def limelight_dev(*args: str, cwd: Path) -> Iterator[DevProcess]:
    """``python -m limelight.cli ARGS`` in ``cwd``, stopped on leaving."""
    env = {**os.environ, **CLIENT_ENV, "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(
        [sys.executable, "-m", "limelight.cli", *args],
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        yield DevProcess(process)
    finally:
        process.terminate()
        process.wait(timeout=10)


class PageEvents:
    """The events a page gets from ``GET /gradio_api/dev/reload``, read in a thread."""

    def __init__(self, url: str) -> None:
        self.events: queue.Queue[tuple[str, str]] = queue.Queue()
        self.connected = threading.Event()
        threading.Thread(target=self._read, args=(url,), daemon=True).start()
        assert self.connected.wait(10), "the page's event stream did not open"

    def _read(self, url: str) -> None:
        kind = ""
        try:
            with httpx.stream("GET", f"{url}gradio_api/dev/reload", timeout=None) as response:
                self.connected.set()
                for line in response.iter_lines():
                    if line.startswith("event: "):
                        kind = line[len("event: ") :]
                    elif line.startswith("data: "):
                        self.events.put((kind, line[len("data: ") :]))
        except httpx.HTTPError:  # the server stopped at the end of the test
            return

    def next(self, kind: str, timeout: float = 10.0) -> str:
        """The data of the next event of ``kind`` (heartbeats and others skipped)."""
        deadline = time.monotonic() + timeout
        while True:
            got, data = self.events.get(timeout=max(0.0, deadline - time.monotonic()))
            if got == kind:
                return data


def poll(until: Callable[[], T | None], seconds: float) -> T:
    """Call ``until`` until it gives something other than None, for at most ``seconds``."""
    deadline = time.monotonic() + seconds
    while True:
        found = until()
        if found is not None:
            return found
        if time.monotonic() > deadline:
            raise AssertionError(f"nothing within {seconds} s")
        time.sleep(0.05)
