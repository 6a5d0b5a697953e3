"""Cross-origin requests (docs/security.md #16-17): a page on another site cannot make a browser
change state on a local app; API clients (no ``Origin``) are unaffected."""

from __future__ import annotations

import httpx
import pytest

import limelight as gr
from limelight.server.origin import is_loopback_host
from limelight.server.services import ServerSettings
from tests.support import asgi_client

JOIN = "/gradio_api/queue/join"


def _app(calls: list[str]) -> gr.Blocks:
    with gr.Blocks() as demo:
        box = gr.Textbox()
        gr.Button().click(lambda text: calls.append(text), box, None, api_name="record")
    return demo


BODY = {"data": ["x"], "fn_index": 0, "session_hash": "s"}


@pytest.mark.anyio
@pytest.mark.parametrize(
    "origin",
    [
        "https://evil.com",
        "null",
        "http://127.0.0.1.evil.com",
        "http://localhost.evil.com:7860",
        "https://",
        "file://",
    ],
)
async def test_foreign_origin_is_refused(origin: str) -> None:
    calls: list[str] = []
    async with asgi_client(_app(calls)) as client:
        response = await client.post(JOIN, json=BODY, headers={"origin": origin})
        run = await client.post(
            "/gradio_api/run/record", json={"data": ["x"]}, headers={"origin": origin}
        )
    assert response.status_code == 403
    assert run.status_code == 403
    assert "refused" in response.json()["detail"]
    assert "access-control-allow-origin" not in response.headers
    assert calls == []


@pytest.mark.anyio
@pytest.mark.parametrize(
    "origin",
    [
        None,
        "http://127.0.0.1:7860",
        "http://localhost:3000",
        "http://[::1]:7860",
        "http://app.localhost",
    ],
)
async def test_loopback_and_missing_origin_pass(origin: str | None) -> None:
    calls: list[str] = []
    headers = {"origin": origin} if origin else {}
    async with asgi_client(_app(calls)) as client:
        response = await client.post(
            "/gradio_api/run/record", json={"data": ["x"]}, headers=headers
        )
    assert response.status_code == 200
    assert calls == ["x"]


@pytest.mark.anyio
@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/gradio_api/queue/join", BODY),
        ("/gradio_api/run/record", {"data": ["x"]}),
        ("/gradio_api/call/record", {"data": ["x"]}),
        ("/gradio_api/call/v2/record", {"text": "x"}),
        ("/gradio_api/cancel", {"session_hash": "s", "event_id": "e"}),
        ("/gradio_api/reset", {"event_id": "e"}),
    ],
)
async def test_every_state_changing_route_is_guarded(path: str, body: dict[str, object]) -> None:
    calls: list[str] = []
    async with asgi_client(_app(calls)) as client:
        response = await client.post(path, json=body, headers={"origin": "https://evil.com"})
    assert response.status_code == 403


@pytest.mark.anyio
async def test_spoofed_host_does_not_help() -> None:
    calls: list[str] = []
    async with asgi_client(_app(calls)) as client:
        response = await client.post(
            JOIN,
            json=BODY,
            headers={"origin": "https://evil.com", "host": "evil.com"},
        )
    assert response.status_code == 403
    assert calls == []


@pytest.mark.anyio
async def test_simple_form_post_from_another_site_is_refused() -> None:
    calls: list[str] = []
    async with asgi_client(_app(calls)) as client:
        response = await client.post(
            JOIN,
            content=b'{"data": ["x"], "fn_index": 0, "session_hash": "s"}',
            headers={"origin": "https://evil.com", "content-type": "text/plain"},
        )
    assert response.status_code == 403
    assert calls == []


@pytest.mark.anyio
async def test_reads_are_not_blocked_but_not_shared_either() -> None:
    async with asgi_client(_app([])) as client:
        response = await client.get("/config", headers={"origin": "https://evil.com"})
    assert response.status_code == 200
    assert "access-control-allow-origin" not in response.headers


@pytest.mark.anyio
async def test_preflight_is_not_granted() -> None:
    async with asgi_client(_app([])) as client:
        response = await client.options(
            JOIN,
            headers={
                "origin": "https://evil.com",
                "access-control-request-method": "POST",
                "access-control-request-headers": "content-type",
            },
        )
    assert response.headers.get("access-control-allow-origin") != "https://evil.com"
    assert response.status_code >= 400


@pytest.mark.anyio
async def test_public_server_accepts_only_its_own_origin() -> None:
    settings = ServerSettings(loopback_only=False)
    calls: list[str] = []
    async with asgi_client(_app(calls), settings) as client:
        same = await client.post(
            JOIN, json=BODY, headers={"origin": "http://app.example", "host": "app.example"}
        )
        local = await client.post(
            JOIN, json=BODY, headers={"origin": "http://localhost:7860", "host": "app.example"}
        )
    assert same.status_code == 200
    assert local.status_code == 403


@pytest.mark.anyio
async def test_allowed_origins_are_accepted() -> None:
    settings = ServerSettings(allowed_origins=["https://trusted.example"])
    async with asgi_client(_app([]), settings) as client:
        trusted = await client.post(JOIN, json=BODY, headers={"origin": "https://trusted.example"})
        other = await client.post(JOIN, json=BODY, headers={"origin": "https://other.example"})
    assert trusted.status_code == 200
    assert other.status_code == 403


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.1.2.3", True),
        ("localhost", True),
        ("LOCALHOST", True),
        ("::1", True),
        ("[::1]", True),
        ("app.localhost", True),
        ("0.0.0.0", False),
        ("192.168.1.2", False),
        ("example.com", False),
        ("127.0.0.1.evil.com", False),
        ("127.evil.com", False),
        ("localhost.evil.com", False),
    ],
)
def test_is_loopback_host(host: str, loopback: bool) -> None:
    assert is_loopback_host(host) is loopback


@pytest.mark.anyio
@pytest.mark.parametrize("loopback_only", [True, False])
async def test_a_page_served_by_a_proxy_may_call_through_it(loopback_only: bool) -> None:
    calls: list[str] = []
    through_proxy = {"origin": "https://apps.example.com", "x-forwarded-host": "apps.example.com"}
    untrusted = ServerSettings(loopback_only=loopback_only)
    async with asgi_client(_app(calls), untrusted) as client:
        # Without forwarded_allow_ips the header is anyone's word, and ignored.
        assert (await client.post(JOIN, json=BODY, headers=through_proxy)).status_code == 403
    settings = ServerSettings(loopback_only=loopback_only, trust_forwarded=True)
    async with asgi_client(_app(calls), settings) as client:
        assert (await client.post(JOIN, json=BODY, headers=through_proxy)).status_code == 200
        elsewhere = {**through_proxy, "origin": "https://evil.com"}
        assert (await client.post(JOIN, json=BODY, headers=elsewhere)).status_code == 403
        no_proxy = {"origin": "https://apps.example.com"}
        assert (await client.post(JOIN, json=BODY, headers=no_proxy)).status_code == 403


@pytest.mark.anyio
async def test_an_accepted_origin_may_read_the_answers() -> None:
    """An app on a loopback port embedded by a page on another loopback port (README
    "Embedding"): its preflight is granted and its reads and calls carry the grant."""
    page = "http://127.0.0.1:9000"
    async with asgi_client(_app([])) as client:
        preflight = await client.options(
            JOIN,
            headers={
                "origin": page,
                "access-control-request-method": "POST",
                "access-control-request-headers": "content-type,x-gradio-user",
            },
        )
        config = await client.get("/config", headers={"origin": page})
        joined = await client.post(JOIN, json=BODY, headers={"origin": page})
        plain = await client.get("/config")
    assert preflight.status_code == 204
    assert preflight.headers["access-control-allow-origin"] == page
    assert preflight.headers["access-control-allow-methods"] == "POST"
    assert preflight.headers["access-control-allow-headers"] == "content-type,x-gradio-user"
    assert "access-control-allow-credentials" not in preflight.headers
    assert config.headers["access-control-allow-origin"] == page
    assert joined.headers["access-control-allow-origin"] == page
    assert "Origin" in joined.headers["vary"]
    assert "access-control-allow-origin" not in plain.headers


@pytest.mark.anyio
async def test_a_public_server_grants_only_allowed_origins() -> None:
    settings = ServerSettings(loopback_only=False, allowed_origins=["https://blog.example"])
    async with asgi_client(_app([]), settings) as client:
        blog = await client.get("/config", headers={"origin": "https://blog.example"})
        local = await client.get("/config", headers={"origin": "http://localhost:3000"})
    assert blog.headers["access-control-allow-origin"] == "https://blog.example"
    assert "access-control-allow-origin" not in local.headers


@pytest.mark.anyio
async def test_the_embed_scripts_are_served() -> None:
    page = "http://localhost:3000"
    async with asgi_client(_app([])) as client:
        element = await client.get("/gradio_api/embed.js", headers={"origin": page})
        mount = await client.get("/gradio_api/embed/mount.js", headers={"origin": page})
        entry = mount.text.split('from "../../assets/')[1].split('"')[0]
        chunk = await client.get(f"/assets/{entry}", headers={"origin": page})
    assert element.status_code == 200
    assert "customElements.define" in element.text
    assert element.headers["content-type"].startswith("text/javascript")
    assert element.headers["access-control-allow-origin"] == page
    assert "export const stylesheets" in mount.text
    assert chunk.status_code == 200
    assert chunk.headers["access-control-allow-origin"] == page


def test_a_loopback_server_refuses_a_rebound_host_name(monkeypatch: pytest.MonkeyPatch) -> None:
    # The attack (DNS rebinding): a page on rebind.evil.example re-points its name at
    # 127.0.0.1 and reads the local app same-origin, with that name as the Host.
    calls: list[str] = []
    demo = _app(calls)
    demo.launch(server_port=0, prevent_thread_lock=True, quiet=True)
    try:
        port = demo.server_port
        config = f"http://127.0.0.1:{port}/config"

        def status(host: str) -> int:
            return httpx.get(config, headers={"Host": host}, timeout=10).status_code

        assert status(f"rebind.evil.example:{port}") == 400
        assert status("rebind.evil.example") == 400
        assert [status(f"{name}:{port}") for name in ("127.0.0.1", "localhost", "[::1]")] == [
            200,
            200,
            200,
        ]
    finally:
        demo.close(verbose=False)
    monkeypatch.setenv("LIMELIGHT_ALLOWED_HOSTS", "app.example, .internal.example")
    demo.launch(server_port=0, prevent_thread_lock=True, quiet=True)
    try:
        config = f"http://127.0.0.1:{demo.server_port}/config"
        codes = [
            httpx.get(config, headers={"Host": host}, timeout=10).status_code
            for host in ("app.example", "a.internal.example", "rebind.evil.example")
        ]
    finally:
        demo.close(verbose=False)
    assert codes == [200, 200, 400]


@pytest.mark.anyio
async def test_allowed_hosts_bind_a_public_server_to_its_names() -> None:
    public = ServerSettings(loopback_only=False, allowed_hosts=["app.example"])
    async with asgi_client(_app([]), public) as client:
        ours = await client.get("/config", headers={"Host": "app.example:7860"})
        other = await client.get("/config", headers={"Host": "evil.example"})
        heartbeat = await client.get("/gradio_api/heartbeat/x", headers={"Host": "evil.example"})
    assert (ours.status_code, other.status_code, heartbeat.status_code) == (200, 400, 400)
    assert "allowed_hosts" in other.json()["detail"]
