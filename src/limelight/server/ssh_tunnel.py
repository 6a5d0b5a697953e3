"""The reverse SSH tunnel behind a share link (``server/share.py`` says what it is for).

It runs in a thread of its own, with its own event loop, so that it neither slows the
app's loop nor stops with it before the app closes it. ``open`` waits for the first
connection and raises, naming the fix, when it fails; afterwards a dropped connection is
retried (1 s, then up to 30 s apart), asking the server for the same port so that the
public URL stays the same.
"""

from __future__ import annotations

import asyncio
import contextlib
import sys
import threading
from typing import Protocol

import asyncssh

__all__ = ["SshServer", "SshTunnel"]

KEEPALIVE_SECONDS = 15
"""How often an idle tunnel checks that the server still answers (3 misses: dropped)."""
FIRST_RETRY_SECONDS = 1.0
LAST_RETRY_SECONDS = 30.0
OPEN_TIMEOUT_SECONDS = 30.0


class SshServer(Protocol):
    """Where the tunnel goes (``share.ShareServer``)."""

    @property
    def host(self) -> str:
        """The server's name or address."""
        ...

    @property
    def port(self) -> int | None:
        """Its SSH port (None: the one ``~/.ssh/config`` gives, else 22)."""
        ...

    @property
    def user(self) -> str | None:
        """Who logs in (None: the user ``~/.ssh/config`` gives, else the local user)."""
        ...

    def url(self, port: int) -> str:
        """The public URL of what the server forwards from ``port``."""
        ...


class SshTunnel:
    """Forwards a port the share server chooses to ``local_host:local_port``."""

    def __init__(
        self,
        server: SshServer,
        local_host: str,
        local_port: int,
        ssh_config: str | None,
        allowed_origins: list[str],
    ) -> None:
        self.server = server
        self.local_host, self.local_port = local_host, local_port
        self.ssh_config = ssh_config
        self.allowed_origins = allowed_origins
        """The app's ``allowed_origins``: the public URL's origin joins them."""
        self.remote_port: int | None = None
        self.reconnects = 0
        """How many times the tunnel came back after a drop."""
        self._opened = threading.Event()
        self._error: BaseException | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._closing: asyncio.Event | None = None
        self._thread = threading.Thread(target=self._run, name="limelight-share", daemon=True)

    @property
    def url(self) -> str:
        """The public URL (the port is the one the server chose)."""
        assert self.remote_port is not None, "the tunnel is not open"
        return self.server.url(self.remote_port)

    def allow_from(self, allowed_origins: list[str]) -> None:
        """Add the public URL's origin to ``allowed_origins`` from now on (those of an app
        that replaced the one the tunnel was opened for, in ``limelight dev``)."""
        self.allowed_origins = allowed_origins
        if self.remote_port is not None and self.url not in allowed_origins:
            allowed_origins.append(self.url)

    def open(self) -> None:
        """Connect and wait until the server forwards a port; raise if it cannot."""
        self._thread.start()
        if not self._opened.wait(OPEN_TIMEOUT_SECONDS):
            self.close()
            raise TimeoutError(f"The share server {self.server.host} did not answer in time.")
        if self._error is not None:
            self._thread.join()
            raise _explained(self._error, self.server) from self._error

    def close(self) -> None:
        """Close the tunnel (the public URL stops answering) and wait for its thread."""
        if self._loop is not None and self._closing is not None:
            self._loop.call_soon_threadsafe(self._closing.set)
        if self._thread.is_alive():
            self._thread.join(timeout=10)

    def _run(self) -> None:
        asyncio.run(self._serve())

    async def _serve(self) -> None:
        self._loop, self._closing = asyncio.get_running_loop(), asyncio.Event()
        delay = FIRST_RETRY_SECONDS
        while not self._closing.is_set():
            try:
                async with await self._connect() as connection:
                    delay = FIRST_RETRY_SECONDS
                    await _first_of(connection.wait_closed(), self._closing.wait())
            except (OSError, asyncssh.Error) as exc:
                if not self._opened.is_set():
                    self._error = exc
                    self._opened.set()
                    return
                print(f"* Share link lost ({exc}); reconnecting", file=sys.stderr, flush=True)
            if self._closing.is_set():
                return
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._closing.wait(), delay)
            delay = min(delay * 2, LAST_RETRY_SECONDS)

    async def _connect(self) -> asyncssh.SSHClientConnection:
        """Connect and forward a port: the one used before, if any, else one the server
        picks (also when the old one is taken after a reconnect: the URL then changes)."""
        connection = await asyncssh.connect(
            self.server.host,
            self.server.port if self.server.port is not None else (),
            username=self.server.user if self.server.user is not None else (),
            config=[self.ssh_config] if self.ssh_config else (),
            keepalive_interval=KEEPALIVE_SECONDS,
            keepalive_count_max=3,
        )
        try:
            listener = await self._forward(connection)
        except BaseException:
            connection.close()
            raise
        port = listener.get_port()
        if self.remote_port is not None and port != self.remote_port:
            print(f"* Share link moved: {self.server.url(port)}", flush=True)
        if self._opened.is_set():
            self.reconnects += 1
        self.remote_port = port
        self.allow_from(self.allowed_origins)
        self._opened.set()
        return connection

    async def _forward(self, connection: asyncssh.SSHClientConnection) -> asyncssh.SSHListener:
        # "": every interface the server allows (all of them with `GatewayPorts yes`).
        if self.remote_port is not None:
            with contextlib.suppress(asyncssh.ChannelListenError):
                return await connection.forward_remote_port(
                    "", self.remote_port, self.local_host, self.local_port
                )
        return await connection.forward_remote_port("", 0, self.local_host, self.local_port)


async def _first_of(*waits: object) -> None:
    """Wait until the first of ``waits`` (coroutines) finishes; cancel the others."""
    tasks = [asyncio.ensure_future(wait) for wait in waits]  # type: ignore[call-overload]
    try:
        await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for task in tasks:
            task.cancel()


def _explained(error: BaseException, server: SshServer) -> Exception:
    """``error`` from the first connection, as a message that names the fix."""
    where = f"{server.host}:{server.port or 22}"
    if isinstance(error, asyncssh.HostKeyNotVerifiable):
        fix = (
            f"its host key is not known: connect once with `ssh -p {server.port or 22} "
            f"{server.host}` to check it and add it to ~/.ssh/known_hosts"
        )
    elif isinstance(error, asyncssh.PermissionDenied):
        fix = (
            "it refused the login: add your public key to the server's authorized_keys, "
            "or name the user (user@host) and key (IdentityFile in ~/.ssh/config, or the "
            "file LIMELIGHT_SHARE_SSH_CONFIG names)"
        )
    elif isinstance(error, asyncssh.ChannelListenError):
        fix = "it refused to forward a port: set `AllowTcpForwarding yes` in its sshd_config"
    else:
        fix = "check share_server_address (or LIMELIGHT_SHARE_SERVER) and that the server is up"
    return ConnectionError(f"Cannot open a share link through {where} ({error}): {fix}.")
