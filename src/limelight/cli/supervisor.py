"""``limelight run app.py --workers N``: N processes serving one app on one port.

The parent binds the port once and hands the listening socket to each child (inherited, as
``LIMELIGHT_LISTEN_FD``); each child is ``limelight run app.py`` serving on that socket, and
the kernel gives each new connection to one of them. The children share nothing in memory,
so the queue, event streams and sessions must live in a shared backend (``--backend`` /
``LIMELIGHT_BACKEND``): without one ``--workers`` above 1 is refused. The parent forwards
SIGTERM (each child stops gracefully) and SIGINT to the children and exits once they have
all exited; a child that dies otherwise is started again, unless children keep dying within
seconds of starting (then the parent stops them all and exits with status 1).
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["LISTEN_FD_ENV", "WORKER_INDEX_ENV", "Supervisor", "listen", "shared_socket"]

LISTEN_FD_ENV = "LIMELIGHT_LISTEN_FD"
WORKER_INDEX_ENV = "LIMELIGHT_WORKER_INDEX"
QUICK_EXIT = 5.0
"""A child that exits sooner than this after starting counts as failing to start."""
QUICK_EXITS_ALLOWED = 5
"""Children failing to start in a row before the parent gives up."""
BACKLOG = 2048


def listen(host: str, port: int) -> socket.socket:
    """A listening TCP socket on ``host:port`` that child processes may inherit."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(BACKLOG)
    sock.set_inheritable(True)
    return sock


def shared_socket() -> socket.socket | None:
    """In a child of ``--workers``, the listening socket its parent handed down."""
    descriptor = os.environ.get(LISTEN_FD_ENV)
    if not descriptor:
        return None
    sock = socket.socket(fileno=int(descriptor))
    sock.set_inheritable(False)
    # The app's own subprocesses must not see it either.
    os.environ.pop(LISTEN_FD_ENV)
    return sock


@dataclass
class _Child:
    index: int
    process: subprocess.Popen[bytes]
    started: float


class Supervisor:
    """Runs ``count`` copies of ``command`` (each told its index) with ``sock`` inherited,
    restarting those that die, until a forwarded SIGTERM or SIGINT stops them."""

    def __init__(
        self, command: Sequence[str], env: dict[str, str], count: int, sock: socket.socket
    ) -> None:
        self.command = list(command)
        self.env = env
        self.count = count
        self.sock = sock
        self.children: dict[int, _Child] = {}
        self.stopping = False
        self.status = 0
        self.quick_exits = 0

    def _spawn(self, index: int) -> None:
        env = {**self.env, LISTEN_FD_ENV: str(self.sock.fileno()), WORKER_INDEX_ENV: str(index)}
        process = subprocess.Popen(
            self.command,
            env=env,
            pass_fds=(self.sock.fileno(),),
            # Its own session: Ctrl-C reaches the parent alone, which forwards it once.
            start_new_session=True,
        )
        self.children[process.pid] = _Child(index, process, time.monotonic())
        print(f"* Worker {index} started (pid {process.pid})", flush=True)

    def _forward(self, signum: int, frame: object) -> None:
        self.stopping = True
        for pid in list(self.children):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signum)

    def _reaped(self, child: _Child, code: int) -> None:
        """Restart a child that exited on its own, or give up when they keep failing."""
        quick = time.monotonic() - child.started < QUICK_EXIT
        self.quick_exits = self.quick_exits + 1 if quick else 0
        if self.quick_exits >= QUICK_EXITS_ALLOWED:
            print(
                f"error: {self.quick_exits} workers in a row exited at once (the last with "
                f"status {code}); stopping",
                file=sys.stderr,
            )
            self.status = 1
            self._forward(signal.SIGTERM, None)
            return
        print(
            f"Worker {child.index} (pid {child.process.pid}) exited with status {code}; "
            "starting it again",
            file=sys.stderr,
        )
        self._spawn(child.index)

    def run(self) -> int:
        """Start the children and supervise them; returns the exit status."""
        previous = {
            signum: signal.signal(signum, self._forward)
            for signum in (signal.SIGTERM, signal.SIGINT)
        }
        try:
            for index in range(self.count):
                if not self.stopping:
                    self._spawn(index)
            while self.children:
                # Interrupted by a forwarded signal, waitpid resumes by itself (PEP 475).
                pid, status = os.waitpid(-1, 0)
                child = self.children.pop(pid, None)
                if child is None:
                    continue
                code = os.waitstatus_to_exitcode(status)
                # Reaped here: the Popen must not wait for it again.
                child.process.returncode = code
                if not self.stopping:
                    self._reaped(child, code)
        finally:
            for signum, handler in previous.items():
                signal.signal(signum, handler)
            self.sock.close()
        return self.status
