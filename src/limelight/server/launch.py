"""Serving an app over HTTP with uvicorn in a background thread.

The connection limits (docs/security.md #29) are set here: a connection must send its
request headers within ``header_timeout`` seconds (``server/coalesce.py``), at most
``max_connections`` are served at once (more get 503), and the process may open as many
files as its hard limit allows. ``X-Forwarded-For``/``-Proto`` change the client's address
and scheme only from the proxies named in ``forwarded_allow_ips`` (docs/security.md #19).
"""

from __future__ import annotations

import errno
import ipaddress
import os
import socket
import ssl
import threading
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

import uvicorn
from starlette.types import ASGIApp

from limelight.server.coalesce import DEFAULT_HEADER_TIMEOUT, coalescing

__all__ = [
    "GRACE_ENV",
    "ConnectionLimits",
    "Drain",
    "PortInUse",
    "RunningServer",
    "TlsFiles",
    "choose_port",
    "grace_period",
    "raise_open_file_limit",
]

DEFAULT_PORT = 7860
PORT_TRIES = 100
GRACE_ENV = "LIMELIGHT_GRACE_PERIOD"
DEFAULT_GRACE = 25.0
"""Seconds running jobs get after SIGTERM: within the 30 s Kubernetes waits by default
before it kills a pod."""


def grace_period() -> float:
    """Seconds running jobs may take to finish after SIGTERM: ``LIMELIGHT_GRACE_PERIOD``
    (``limelight run --grace-period``), else 25."""
    text = os.environ.get(GRACE_ENV, "").strip()
    if not text:
        return DEFAULT_GRACE
    try:
        grace = float(text)
    except ValueError:
        raise ValueError(f"{GRACE_ENV}={text!r}: give the grace period in seconds") from None
    if grace < 0:
        raise ValueError(f"{GRACE_ENV}={text!r}: the grace period cannot be negative")
    return grace


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


Drain = Callable[[float], Awaitable[None]]
"""Stops taking jobs and waits up to the given seconds for the running ones."""


class _Server(uvicorn.Server):
    """uvicorn's server, telling a waiting thread the moment it listens; on a graceful stop
    it closes its listening sockets, then lets running jobs finish (``drain``) before
    uvicorn's own shutdown."""

    def __init__(self, config: uvicorn.Config, drain: Drain | None) -> None:
        super().__init__(config)
        self.listening = threading.Event()
        self.drain = drain
        self.grace = 0.0
        """Seconds running jobs get on the way out (0: they are cancelled at once)."""

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets)
        if self.started:
            self.listening.set()

    async def shutdown(self, sockets: list[socket.socket] | None = None) -> None:
        if self.drain is not None and self.grace > 0:
            # New connections go to the other processes sharing the port from now on.
            for server in self.servers:
                server.close()
            for sock in sockets or []:
                sock.close()
            await self.drain(self.grace)
        await super().shutdown(sockets)


@dataclass(frozen=True)
class TlsFiles:
    """The key and certificate to serve HTTPS with (``launch(ssl_keyfile=...)``)."""

    keyfile: str
    certfile: str
    password: str | None = None


@dataclass(frozen=True)
class ConnectionLimits:
    """What one client connection may hold (``LIMELIGHT_HEADER_TIMEOUT``,
    ``LIMELIGHT_MAX_CONNECTIONS``, ``launch(forwarded_allow_ips=)``)."""

    header_timeout: float = DEFAULT_HEADER_TIMEOUT
    """Seconds a client has to send a request's headers before it is disconnected."""
    max_connections: int = 10000
    """Connections served at once; a request over the limit gets 503 (the open-file limit,
    less a reserve for the app's own files, lowers it further)."""
    forwarded_allow_ips: tuple[str, ...] = ()
    """Proxies whose ``X-Forwarded-For``/``-Proto`` are believed (addresses, networks or
    ``*``); none by default, so a client cannot choose the address it is counted under."""


FILES_RESERVED = 256
"""File descriptors kept for the app itself (its files, threads, outbound connections)."""


def raise_open_file_limit() -> int:
    """Raise this process's soft limit on open files to its hard limit (each connection
    holds one); returns the soft limit now in force (0 where there is no such limit)."""
    try:
        import resource  # POSIX only
    except ImportError:
        return 0
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    # An unlimited hard limit (macOS) cannot be the soft one; the kernel's cap is.
    target = hard if hard != resource.RLIM_INFINITY else max(soft, 10240)
    if soft != resource.RLIM_INFINITY and soft < target:
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
            soft = target
        except (ValueError, OSError):
            pass
    return int(soft) if soft != resource.RLIM_INFINITY else 0


def _concurrency(limits: ConnectionLimits) -> int:
    soft = raise_open_file_limit()
    if soft:
        return max(1, min(limits.max_connections, soft - FILES_RESERVED))
    return limits.max_connections


def _is_ipv4(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).version == 4
    except ValueError:
        return False


def _bind(host: str, port: int) -> socket.socket:
    """A socket bound to an IPv4 address, for uvicorn to listen on.

    Given a host instead, uvicorn's event loop resolves it on a pool of four resolver
    threads that then idle for the life of the process (~0.4 MiB); an address needs no
    resolving. A name (``localhost``) is still left to uvicorn, which may listen on each
    of its addresses."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        if os.name == "posix":  # as asyncio's servers do; on Windows it would share the port
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
    except OSError:
        sock.close()
        raise
    return sock


class RunningServer:
    """uvicorn serving ``asgi`` on ``host:port`` in a daemon thread (HTTPS with ``tls``), or
    on ``sock``, a listening socket other processes may share (``limelight run --workers``).
    ``drain`` lets running jobs finish on a graceful stop (``stop_gracefully``)."""

    def __init__(
        self,
        asgi: ASGIApp,
        host: str,
        port: int,
        tls: TlsFiles | None = None,
        limits: ConnectionLimits | None = None,
        *,
        sock: socket.socket | None = None,
        drain: Drain | None = None,
    ) -> None:
        limits = limits or ConnectionLimits()
        config = uvicorn.Config(
            asgi,
            host=host,
            port=port,
            log_level="warning",
            lifespan="on",
            http=coalescing(limits.header_timeout),
            ws="none",
            timeout_graceful_shutdown=1,
            limit_concurrency=_concurrency(limits),
            proxy_headers=bool(limits.forwarded_allow_ips),
            forwarded_allow_ips=list(limits.forwarded_allow_ips) or None,
            server_header=False,
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
        self.server = _Server(config, drain)
        self.host = host
        self._bound = _bind(host, port) if sock is None and _is_ipv4(host) else None
        sock = sock or self._bound
        self.thread = threading.Thread(
            target=self.server.run,
            kwargs={"sockets": [sock] if sock is not None else None},
            name="limelight-server",
            daemon=True,
        )

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
        if self._bound is not None:  # closed already, unless the server never started
            self._bound.close()

    def stop_gracefully(self, grace: float) -> None:
        """Begin a graceful stop without waiting: accept no more connections, give running
        jobs up to ``grace`` seconds, then stop (the thread ends then)."""
        self.server.grace = grace
        self.server.should_exit = True
