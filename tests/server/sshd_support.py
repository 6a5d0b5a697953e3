"""A share server for the tests: Debian's OpenSSH ``sshd`` on a free loopback port, with a
generated host key and user key, remote forwarding allowed (``GatewayPorts yes``), for the
current user (root on the test machines: ``PermitRootLogin prohibit-password``). Tests take
the ``share_server`` fixture, which also points limelight's SSH client at the test's own
config (``LIMELIGHT_SHARE_SSH_CONFIG``) and known hosts."""

from __future__ import annotations

import getpass
import os
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support import free_port

__all__ = ["SSHD", "Sshd", "share_server"]

SSHD = Path("/usr/sbin/sshd")
PRIVILEGE_SEPARATION = Path("/run/sshd")
"""sshd refuses to start as root without it (Debian's service creates it at boot)."""


class Sshd:
    """One ``sshd -D`` on a loopback port, for the tests' SSH client only."""

    def __init__(self, work: Path) -> None:
        self.work = work
        self.port = free_port()
        self.process: subprocess.Popen[bytes] | None = None
        for name in ("host_key", "user_key"):
            subprocess.run(
                ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(work / name)],
                check=True,
            )
        (work / "authorized_keys").write_text((work / "user_key.pub").read_text())
        host_key = (work / "host_key.pub").read_text().strip()
        (work / "known_hosts").write_text(f"[127.0.0.1]:{self.port} {host_key}\n")
        (work / "sshd_config").write_text(
            f"Port {self.port}\nListenAddress 127.0.0.1\nHostKey {work / 'host_key'}\n"
            f"PidFile {work / 'sshd.pid'}\nAuthorizedKeysFile {work / 'authorized_keys'}\n"
            "PermitRootLogin prohibit-password\nStrictModes no\nUsePAM no\n"
            "PasswordAuthentication no\nKbdInteractiveAuthentication no\n"
            "GatewayPorts yes\nAllowTcpForwarding yes\nLogLevel ERROR\n"
        )
        self.client_config = work / "ssh_config"
        self.client_config.write_text(
            f"Host 127.0.0.1\n  IdentityFile {work / 'user_key'}\n"
            f"  UserKnownHostsFile {work / 'known_hosts'}\n  IdentitiesOnly yes\n"
        )

    @property
    def address(self) -> str:
        """What ``share_server_address`` takes."""
        return f"{getpass.getuser()}@127.0.0.1:{self.port}"

    def start(self) -> None:
        """Start (or restart) sshd and wait until it accepts connections."""
        PRIVILEGE_SEPARATION.mkdir(mode=0o755, exist_ok=True)
        self.process = subprocess.Popen(
            [str(SSHD), "-D", "-e", "-f", str(self.work / "sshd_config")],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while True:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return
            except OSError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    raise
                time.sleep(0.02)

    def drop_connections(self) -> None:
        """Kill the sshd processes serving connections (as a network drop would end
        them); the listening sshd stays."""
        assert self.process is not None
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        for pid in children.read_text().split():
            os.kill(int(pid), 9)

    def stop(self) -> None:
        """Stop sshd and the connections it serves, as a reboot of the server would."""
        if self.process is not None:
            self.drop_connections()
            self.process.kill()
            self.process.wait()
            self.process = None


@pytest.fixture
def share_server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Sshd]:
    """A running sshd the tests' share links go through."""
    if not SSHD.exists() or os.geteuid() != 0:
        pytest.skip("needs Debian's openssh-server, run as root (scripts/setup-dev)")
    sshd = Sshd(tmp_path)
    monkeypatch.setenv("LIMELIGHT_SHARE_SSH_CONFIG", str(sshd.client_config))
    sshd.start()
    try:
        yield sshd
    finally:
        sshd.stop()
