"""Serving an app over HTTP with uvicorn in a background thread."""

from __future__ import annotations

import errno
import socket
import ssl
import threading
import time
from dataclasses import dataclass

import uvicorn
from starlette.types import ASGIApp

from limelight.server.coalesce import Coalescing

__all__ = ["PortInUse", "RunningServer", "TlsFiles", "choose_port"]

DEFAULT_PORT = 7860
PORT_TRIES = 100


class PortInUse(OSError):
    """No free port where the app was asked to listen."""


def _is_free(host: str, port: int) -> bool:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError as exc:
            if exc.errno in (errno.EADDRINUSE, errno.EACCES):
                return False
            raise
    return True


def choose_port(host: str, port: int | None) -> int:
    """``port`` if given and free (else ``PortInUse``); otherwise the first free port
    from 7860 on, as Gradio does."""
    if port is not None:
        if port == 0 or _is_free(host, port):
            return port
        raise PortInUse(
            f"Port {port} on {host} is in use. Stop the other server, or pick another port "
            "with server_port= (or GRADIO_SERVER_PORT / --port)."
        )
    for candidate in range(DEFAULT_PORT, DEFAULT_PORT + PORT_TRIES):
        if _is_free(host, candidate):
            return candidate
    raise PortInUse(
        f"Cannot find an empty port in range {DEFAULT_PORT}-{DEFAULT_PORT + PORT_TRIES - 1}. "
        "Set server_port= (or GRADIO_SERVER_PORT) to a free port."
    )


class _Server(uvicorn.Server):
    """uvicorn's server, telling a waiting thread the moment it listens."""

    def __init__(self, config: uvicorn.Config) -> None:
        super().__init__(config)
        self.listening = threading.Event()

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets)
        if self.started:
            self.listening.set()


@dataclass(frozen=True)
class TlsFiles:
    """The key and certificate to serve HTTPS with (``launch(ssl_keyfile=...)``)."""

    keyfile: str
    certfile: str
    password: str | None = None


class RunningServer:
    """uvicorn serving ``asgi`` on ``host:port`` in a daemon thread (HTTPS with ``tls``)."""

    def __init__(self, asgi: ASGIApp, host: str, port: int, tls: TlsFiles | None = None) -> None:
        config = uvicorn.Config(
            asgi,
            host=host,
            port=port,
            log_level="warning",
            lifespan="on",
            http=Coalescing,
            ws="none",
            timeout_graceful_shutdown=1,
            ssl_keyfile=tls.keyfile if tls else None,
            ssl_certfile=tls.certfile if tls else None,
            ssl_keyfile_password=tls.password if tls else None,
        )
        self.scheme = "https" if tls else "http"
        if tls:
            # Reads the key and certificate now, so that a bad file or password fails
            # launch() itself rather than the server thread.
            try:
                config.load()
            except (ssl.SSLError, OSError) as exc:
                raise ValueError(
                    f"Cannot serve HTTPS with ssl_keyfile={tls.keyfile!r} and "
                    f"ssl_certfile={tls.certfile!r} ({exc}): check both files, and "
                    "ssl_keyfile_password if the key is encrypted."
                ) from exc
        self.server = _Server(config)
        self.host = host
        self.thread = threading.Thread(target=self.server.run, name="limelight-server", daemon=True)

    @property
    def port(self) -> int:
        """The port listened on (the one the OS chose, when asked for port 0)."""
        for server in getattr(self.server, "servers", []):
            for sock in server.sockets:
                return int(sock.getsockname()[1])
        return int(self.server.config.port)

    def start(self, timeout: float = 30.0) -> None:
        """Start serving; returns once the server accepts connections."""
        self.thread.start()
        deadline = time.monotonic() + timeout
        # Woken as soon as uvicorn listens; the timeout only bounds noticing a failed start.
        while not self.server.listening.wait(0.05):
            if not self.thread.is_alive():
                raise OSError(f"The server could not start on {self.host}.")
            if time.monotonic() > deadline:
                raise TimeoutError("The server did not start in time.")

    def stop(self) -> None:
        """Stop serving and wait for the thread to end."""
        self.server.should_exit = True
        self.thread.join(timeout=10)
