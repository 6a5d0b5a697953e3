"""Share links: ``launch(share=True)`` reaches the app through an SSH server of your own.

limelight has no hosted share service. A share link is a reverse SSH tunnel (``ssh -R``)
to an SSH server that accepts remote port forwarding on its public interfaces (OpenSSH
with ``GatewayPorts yes``): the server listens on a port it chooses and forwards each
connection to the local app, whose URL is then ``http://HOST:PORT``. Name the server with
``launch(share_server_address="user@host[:port]")`` or ``LIMELIGHT_SHARE_SERVER``; the key
and the known host key come from ``~/.ssh/config`` and ``~/.ssh`` as for ``ssh`` (or from
the OpenSSH client config file ``LIMELIGHT_SHARE_SSH_CONFIG`` names). The tunnel
(``server/ssh_tunnel.py``, on the optional ``asyncssh``) reconnects after a drop, asking
for the same port again, and closes with the app. ``launch(auth=)`` applies to the public
URL as to the local one, and the public URL's origin may call the app
(``docs/security.md #40``).
"""

from __future__ import annotations

import importlib.util
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from limelight.server.ssh_tunnel import SshTunnel

__all__ = [
    "INSTALL_HINT",
    "SHARE_SERVER_ENV",
    "SSH_CONFIG_ENV",
    "ShareServer",
    "open_share",
    "share_server",
]

SHARE_SERVER_ENV = "LIMELIGHT_SHARE_SERVER"
SSH_CONFIG_ENV = "LIMELIGHT_SHARE_SSH_CONFIG"
INSTALL_HINT = "pip install 'limelight[share]'"
NOT_CONFIGURED = (
    "launch(share=True) needs a share server, and limelight has no hosted share service. "
    "Name an SSH server that accepts remote port forwarding (OpenSSH with `GatewayPorts yes` "
    "in sshd_config) with share_server_address='user@host[:port]' or the "
    f"{SHARE_SERVER_ENV} environment variable; README's 'Share links' says how to set one "
    "up. Or serve on your network with server_name='0.0.0.0'."
)


@dataclass(frozen=True)
class ShareServer:
    """The SSH server a share link goes through, and the scheme of the URL it prints."""

    host: str
    port: int | None = None
    """None: the port ``~/.ssh/config`` gives, else 22."""
    user: str | None = None
    """None: the user ``~/.ssh/config`` gives, else the local user."""
    protocol: str = "http"
    """``https`` when the server's public port is behind a TLS proxy of your own."""

    @classmethod
    def parse(cls, address: str, protocol: str = "http") -> ShareServer:
        """``user@host:port``, ``host:port``, ``user@host`` or ``host`` (``[v6]:port``)."""
        user, _, rest = address.strip().rpartition("@")
        host, port = rest, None
        if rest.startswith("["):
            host, _, tail = rest[1:].partition("]")
            port = tail[1:] if tail.startswith(":") else None
        elif rest.count(":") == 1:
            host, port = rest.split(":")
        if not host or (port is not None and not port.isdigit()):
            raise ValueError(
                f"share_server_address={address!r}: give the SSH server as "
                "'user@host:port' (user and port are optional)"
            )
        return cls(host, int(port) if port else None, user or None, protocol)

    def url(self, port: int) -> str:
        """The public URL of the app forwarded from ``port`` on this server."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{self.protocol}://{host}:{port}"


def share_server(
    address: str | None, protocol: str | None, tls_certificate: str | None
) -> ShareServer:
    """The share server ``launch(share=True)`` goes through: ``address``, else
    ``LIMELIGHT_SHARE_SERVER``; raises ``ValueError`` saying how to configure one when
    neither is set, and ``ImportError`` naming the extra when ``asyncssh`` is missing."""
    if tls_certificate is not None:
        raise ValueError(
            "share_server_tls_certificate= is for Gradio's FRP share servers; limelight's "
            "share link is an SSH tunnel, which checks the server's host key against "
            "~/.ssh/known_hosts instead: leave it out"
        )
    if protocol not in (None, "http", "https"):
        raise ValueError(f"share_server_protocol= is 'http' or 'https', not {protocol!r}")
    chosen = address or os.environ.get(SHARE_SERVER_ENV)
    if not chosen:
        raise ValueError(NOT_CONFIGURED)
    if importlib.util.find_spec("asyncssh") is None:
        raise ImportError(
            f"launch(share=True) needs asyncssh, which is not installed: {INSTALL_HINT}"
        )
    return ShareServer.parse(chosen, protocol or "http")


def open_share(
    server: ShareServer, local_host: str, local_port: int, allowed_origins: list[str]
) -> SshTunnel:
    """Open the tunnel to the app at ``local_host:local_port`` (waiting until the share
    server listens); the public URL's origin joins ``allowed_origins`` (the app's
    ``ServerSettings.allowed_origins``), so that pages served there may call the app."""
    # asyncssh is an optional dependency: imported here, when a share link is asked for.
    from limelight.server.ssh_tunnel import SshTunnel

    forward_to = "127.0.0.1" if local_host in ("0.0.0.0", "::", "") else local_host
    tunnel = SshTunnel(
        server, forward_to, local_port, os.environ.get(SSH_CONFIG_ENV), allowed_origins
    )
    tunnel.open()
    return tunnel
