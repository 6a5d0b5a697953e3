"""``launch(share=True)``: a reverse SSH tunnel through a share server of your own (Debian's
OpenSSH here), which keeps ``auth=``, lets the public origin call the app, comes back after
a drop and closes with the app (``server/share.py``, ``docs/security.md #40``)."""

from __future__ import annotations

import ssl
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import httpx
import pytest
from gradio_client import Client

import limelight as gr
from limelight.server.origin import OriginGuard
from limelight.server.services import ServerSettings
from tests.server.sshd_support import Sshd, share_server
from tests.server.test_launch import certificate

__all__ = ["certificate", "share_server"]

pytestmark = pytest.mark.timeout(120)
T = TypeVar("T")


def _demo() -> gr.Interface:
    return gr.Interface(lambda name: f"Hello {name}!", "textbox", "textbox", api_name="greet")


@pytest.fixture
def launch() -> Iterator[Callable[..., gr.Blocks]]:
    launched: list[gr.Blocks] = []

    def start(**options: Any) -> gr.Blocks:
        demo = _demo()
        launched.append(demo)
        demo.launch(server_port=0, prevent_thread_lock=True, quiet=True, **options)
        return demo

    yield start
    for demo in launched:
        demo.close(verbose=False)


def _poll(until: Callable[[], T | None], seconds: float) -> T:
    deadline = time.monotonic() + seconds
    while (found := until()) is None:
        assert time.monotonic() < deadline, f"nothing within {seconds} s"
        time.sleep(0.05)
    return found


def test_the_app_answers_at_the_public_url(
    share_server: Sshd, launch: Callable[..., gr.Blocks]
) -> None:
    demo = launch(share=True, share_server_address=share_server.address)
    assert demo.share_url is not None and demo.share_url.startswith("http://127.0.0.1:")
    assert demo.share_url.rsplit(":", 1)[1] != str(demo.server_port)
    assert Client(demo.share_url, verbose=False).predict("Ada", api_name="/greet") == "Hello Ada!"


def test_an_app_served_over_https_is_https_at_the_public_url(
    share_server: Sshd, launch: Callable[..., gr.Blocks], certificate: tuple[Path, Path]
) -> None:
    key, cert = certificate
    demo = launch(
        share=True,
        share_server_address=share_server.address,
        ssl_keyfile=str(key),
        ssl_certfile=str(cert),
        ssl_verify=False,
    )
    assert demo.share_url is not None and demo.share_url.startswith("https://127.0.0.1:")
    trusted = ssl.create_default_context(cafile=str(cert))
    assert httpx.get(f"{demo.share_url}/config", verify=trusted).status_code == 200


def test_the_public_origin_may_call_the_app(
    share_server: Sshd, launch: Callable[..., gr.Blocks]
) -> None:
    demo = launch(share=True, share_server_address=share_server.address)
    assert demo.share is not None
    # The app's own allowed origins, judged as when the public host is not this machine.
    settings = ServerSettings(loopback_only=False, allowed_origins=demo.share.allowed_origins)
    guard = OriginGuard(lambda *_: None, settings)  # type: ignore[arg-type]
    assert guard.allowed(str(demo.share_url), "127.0.0.1:1")
    assert not guard.allowed("http://elsewhere.example", "127.0.0.1:1")


def test_an_app_that_replaces_the_shared_one_allows_the_public_origin_too(
    share_server: Sshd, launch: Callable[..., gr.Blocks]
) -> None:
    demo = launch(share=True, share_server_address=share_server.address)
    assert demo.share is not None
    replacing: list[str] = []  # the allowed origins of the app `limelight dev` swaps in
    demo.share.allow_from(replacing)
    assert replacing == [demo.share_url]


def test_the_login_applies_at_the_public_url(
    share_server: Sshd, launch: Callable[..., gr.Blocks]
) -> None:
    demo = launch(share=True, share_server_address=share_server.address, auth=("ada", "pw"))
    assert demo.share_url is not None
    assert httpx.get(f"{demo.share_url}/config").status_code == 401
    client = Client(demo.share_url, auth=("ada", "pw"), verbose=False)
    assert client.predict("Ada", api_name="/greet") == "Hello Ada!"


def test_the_tunnel_comes_back_after_a_drop(
    share_server: Sshd, launch: Callable[..., gr.Blocks]
) -> None:
    demo = launch(share=True, share_server_address=share_server.address)
    assert demo.share is not None and demo.share_url is not None
    url = demo.share_url
    share_server.drop_connections()

    def answered() -> str | None:
        try:
            return str(Client(url, verbose=False).predict("Ada", api_name="/greet"))
        except (httpx.HTTPError, ValueError, ConnectionError):
            return None

    assert _poll(answered, 30) == "Hello Ada!"
    assert demo.share.reconnects >= 1
    assert demo.share.url == url


def test_the_tunnel_comes_back_after_the_share_server_was_down(
    share_server: Sshd, launch: Callable[..., gr.Blocks]
) -> None:
    demo = launch(share=True, share_server_address=share_server.address)
    assert demo.share is not None and demo.share_url is not None
    url = demo.share_url
    share_server.stop()
    share_server.start()

    def answered() -> str | None:
        try:
            return str(Client(url, verbose=False).predict("Ada", api_name="/greet"))
        except (httpx.HTTPError, ValueError, ConnectionError):
            return None

    assert _poll(answered, 60) == "Hello Ada!"
    assert demo.share.reconnects >= 1


def test_the_tunnel_closes_with_the_app(
    share_server: Sshd, launch: Callable[..., gr.Blocks]
) -> None:
    demo = launch(share=True, share_server_address=share_server.address)
    url = demo.share_url
    assert httpx.get(f"{url}/config").status_code == 200
    demo.close(verbose=False)

    def refused() -> bool | None:
        try:
            httpx.get(f"{url}/config", timeout=2)
        except httpx.HTTPError:
            return True
        return None

    assert _poll(refused, 10)


def test_the_share_server_comes_from_the_environment_too(
    share_server: Sshd, launch: Callable[..., gr.Blocks], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LIMELIGHT_SHARE_SERVER", share_server.address)
    monkeypatch.setenv("GRADIO_SHARE", "true")
    assert launch().share_url is not None


def test_a_key_the_server_refuses_names_the_fix(
    share_server: Sshd, launch: Callable[..., gr.Blocks]
) -> None:
    (share_server.work / "authorized_keys").write_text("")
    with pytest.raises(ConnectionError, match="authorized_keys"):
        launch(share=True, share_server_address=share_server.address)


def test_without_a_share_server_share_says_how_to_configure_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("LIMELIGHT_SHARE_SERVER", raising=False)
    demo = _demo()
    with pytest.raises(ValueError, match="no hosted share service") as caught:
        demo.launch(share=True, prevent_thread_lock=True, quiet=True)
    assert "share_server_address" in str(caught.value)
    assert "LIMELIGHT_SHARE_SERVER" in str(caught.value)
    assert demo.server is None


def test_an_address_that_is_not_one_is_refused() -> None:
    with pytest.raises(ValueError, match="user@host:port"):
        _demo().launch(share=True, share_server_address="host:ssh", prevent_thread_lock=True)


def test_sshd_is_the_one_debian_ships() -> None:
    version = subprocess.run(["/usr/sbin/sshd", "-V"], capture_output=True, text=True)
    assert "OpenSSH" in version.stderr
