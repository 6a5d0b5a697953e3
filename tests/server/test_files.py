"""Uploads and file serving: docs/protocol.md §7 and docs/security.md #1-5, #10, #22, #26-28."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import anyio
import httpx
import pytest
from starlette.applications import Starlette

import limelight as gr
from limelight.server.services import ServerSettings
from tests.support import asgi_app_and_client, sse_messages

pytestmark = pytest.mark.anyio

ROUTES = ["/gradio_api/file=", "/file="]
SECRET = b"root:x:0:0:top-secret"


@dataclass
class Dirs:
    cache: Path
    allowed: Path
    secret: Path
    outside: Path


@pytest.fixture
def dirs(tmp_path: Path) -> Dirs:
    cache = tmp_path / "cache"
    allowed = tmp_path / "allowed"
    (allowed / "secret").mkdir(parents=True)
    (allowed / "secret" / "x").write_bytes(SECRET)
    (allowed / "public.txt").write_bytes(b"public")
    outside = tmp_path / "outside.txt"
    outside.write_bytes(SECRET)
    return Dirs(cache, allowed, allowed / "secret", outside)


def settings_for(dirs: Dirs, **extra: Any) -> ServerSettings:
    return ServerSettings(
        cache_dir=str(dirs.cache),
        allowed_paths=[str(dirs.allowed)],
        blocked_paths=[str(dirs.secret)],
        **extra,
    )


@pytest.fixture
async def served(dirs: Dirs) -> AsyncIterator[tuple[Starlette, httpx.AsyncClient]]:
    async with asgi_app_and_client(gr.Blocks(), settings_for(dirs, max_file_size=1000)) as pair:
        yield pair


async def upload(client: httpx.AsyncClient, *files: tuple[str, bytes]) -> list[str]:
    response = await client.post(
        "/gradio_api/upload", files=[("files", (name, data)) for name, data in files]
    )
    assert response.status_code == 200, response.text
    paths: list[str] = response.json()
    return paths


# --- upload and download (docs/protocol.md §7) ------------------------------------------------


async def test_upload_answers_paths_in_order_and_they_download(served: Any, dirs: Dirs) -> None:
    _, client = served
    paths = await upload(client, ("in.png", b"\x89PNG fake"), ("notes.txt", b"hello"))
    assert [Path(p).name for p in paths] == ["in.png", "notes.txt"]
    assert all(Path(p).parent.parent == dirs.cache.resolve() for p in paths)
    for route in ROUTES:
        got = await client.get(route + paths[1])
        assert got.status_code == 200
        assert got.content == b"hello"
        assert got.headers["content-type"].startswith("text/plain")
        assert got.headers["x-content-type-options"] == "nosniff"


async def test_head_and_quoted_paths_work(served: Any) -> None:
    _, client = served
    [path] = await upload(client, ("a b%.txt", b"spaced"))
    from urllib.parse import quote

    got = await client.get("/gradio_api/file=" + quote(path, safe="/"))
    assert got.content == b"spaced"
    head = await client.head("/gradio_api/file=" + quote(path, safe="/"))
    assert head.status_code == 200 and head.headers["content-length"] == "6"


async def test_allowed_paths_are_served(served: Any, dirs: Dirs) -> None:
    _, client = served
    got = await client.get(f"/gradio_api/file={dirs.allowed / 'public.txt'}")
    assert got.status_code == 200 and got.content == b"public"


async def test_upload_needs_multipart(served: Any) -> None:
    _, client = served
    got = await client.post("/gradio_api/upload", json={"files": []})
    assert got.status_code == 415


async def test_upload_ignores_other_fields(served: Any) -> None:
    _, client = served
    got = await client.post(
        "/gradio_api/upload", data={"note": "x"}, files=[("files", ("a.txt", b"a"))]
    )
    assert got.status_code == 200 and len(got.json()) == 1


async def test_cross_origin_upload_is_refused(served: Any) -> None:
    _, client = served
    files = [("files", ("a.txt", b"a"))]
    evil = await client.post("/gradio_api/upload", files=files, headers={"origin": "https://e.vil"})
    assert evil.status_code == 403
    null = await client.post("/gradio_api/upload", files=files, headers={"origin": "null"})
    assert null.status_code == 403
    local = await client.post(
        "/gradio_api/upload", files=files, headers={"origin": "http://127.0.0.1:7860"}
    )
    assert local.status_code == 200


async def test_upload_progress_reports_bytes_then_done(served: Any) -> None:
    _, client = served
    got = await client.post(
        "/gradio_api/upload?upload_id=up1", files=[("files", ("a.txt", b"abc" * 100))]
    )
    assert got.status_code == 200
    stream = await client.get("/gradio_api/upload_progress", params={"upload_id": "up1"})
    messages = sse_messages(stream.text)
    assert messages[0]["msg"] == "progress" and messages[0]["received"] > 300
    assert messages[-1] == {"msg": "done"}


async def test_max_file_size_in_config(dirs: Dirs) -> None:
    demo = gr.Blocks()
    demo.max_file_size = 1000
    async with asgi_app_and_client(demo, settings_for(dirs)) as (_, client):
        assert (await client.get("/config")).json()["max_file_size"] == 1000


# --- #1-5. path traversal ------------------------------------------------------------------


def _no_leak(response: httpx.Response) -> None:
    assert response.status_code in (403, 404), response.text
    assert b"top-secret" not in response.content and b"root:" not in response.content


@pytest.mark.parametrize("route", ROUTES)
@pytest.mark.parametrize(
    "path",
    [
        "../../etc/passwd",
        "/etc/passwd",
        "%2e%2e/%2e%2e/etc/passwd",
        "..%2f..%2fetc%2fpasswd",
        "%252e%252e/%252e%252e/etc/passwd",
        "http://169.254.169.254/latest/meta-data/",
        "http%3A%2F%2F127.0.0.1%3A6379/",
        "//evil.com/x",
        "\\\\evil\\share",
    ],
)
async def test_traversal_and_urls_are_refused(served: Any, route: str, path: str) -> None:
    _, client = served
    _no_leak(await client.get(route + path))


@pytest.mark.parametrize("route", ROUTES)
async def test_escapes_from_allowed_prefixes(served: Any, dirs: Dirs, route: str) -> None:
    _, client = served
    [stored] = await upload(client, ("a.txt", b"a"))
    cache = Path(stored).parent.parent
    for path in [
        f"{cache}/../outside.txt",
        f"{dirs.allowed}/../outside.txt",
        f"{cache}/../../../../../../etc/passwd",
    ]:
        _no_leak(await client.get(route + path))


async def test_existing_and_missing_files_look_the_same(served: Any, dirs: Dirs) -> None:
    _, client = served
    real = await client.get(f"/gradio_api/file={dirs.outside}")
    missing = await client.get(f"/gradio_api/file={dirs.outside}.missing")
    assert real.status_code == missing.status_code == 403
    assert real.json()["detail"].replace(str(dirs.outside), "P") == missing.json()[
        "detail"
    ].replace(f"{dirs.outside}.missing", "P")


async def test_sibling_prefix_is_not_inside(served: Any, dirs: Dirs) -> None:
    _, client = served
    await upload(client, ("a.txt", b"a"))
    for sibling in (Path(f"{dirs.cache}_evil"), Path(f"{dirs.allowed}_evil")):
        sibling.mkdir()
        (sibling / "x").write_bytes(SECRET)
        _no_leak(await client.get(f"/gradio_api/file={sibling / 'x'}"))


@pytest.mark.parametrize("route", ROUTES)
async def test_symlinks_out_of_the_store_or_allowed_dirs(
    served: Any, dirs: Dirs, route: str
) -> None:
    _, client = served
    [stored] = await upload(client, ("a.txt", b"a"))
    in_cache = Path(stored).parent / "link.txt"
    in_cache.symlink_to(dirs.outside)
    in_allowed = dirs.allowed / "link.txt"
    in_allowed.symlink_to(dirs.outside)
    folder_link = dirs.allowed / "linked_dir"
    folder_link.symlink_to(dirs.outside.parent)
    for path in (in_cache, in_allowed, folder_link / "outside.txt"):
        _no_leak(await client.get(f"{route}{path}"))


@pytest.mark.parametrize("route", ROUTES)
async def test_blocked_paths_win(served: Any, dirs: Dirs, route: str) -> None:
    _, client = served
    a = dirs.allowed
    for path in [
        f"{a}/secret/x",
        f"{a}/SECRET/x",
        f"{a}/secret/./x",
        f"{a}//secret/x",
        f"{a}/secret/../secret/x",
        f"{a}/secret./x",
        f"{a}/secret /x",
        f"{a}\\secret\\x",
        f"{a}/secret/x::$DATA",
        "\\\\?\\C:\\x",
    ]:
        _no_leak(await client.get(route + path))
    link = a / "to_secret"
    link.symlink_to(dirs.secret / "x")
    _no_leak(await client.get(f"{route}{link}"))


async def test_directories_are_never_listed(served: Any, dirs: Dirs) -> None:
    _, client = served
    [stored] = await upload(client, ("a.txt", b"a"))
    for folder in (dirs.cache, Path(stored).parent, dirs.allowed):
        got = await client.get(f"/gradio_api/file={folder}/")
        assert got.status_code == 403
        assert b"a.txt" not in got.content


async def test_partial_uploads_are_not_served(served: Any, dirs: Dirs) -> None:
    _, client = served
    await upload(client, ("a.txt", b"a"))
    partial = dirs.cache / ".partial" / "abc"
    partial.write_bytes(b"half")
    assert (await client.get(f"/gradio_api/file={partial}")).status_code == 403


async def test_only_places_of_store_keys_are_served_from_the_cache(served: Any, dirs: Dirs) -> None:
    _, client = served
    (stored,) = await upload(client, ("a.txt", b"a"))
    other = dirs.cache / "deep_links" / "state.json"
    other.parent.mkdir()
    other.write_bytes(b"not a stored file")
    key_file = dirs.cache / ".file-key"
    assert key_file.is_file()
    for path in (other, key_file):
        assert (await client.get(f"/gradio_api/file={path}")).status_code == 403
    assert (await client.get(f"/gradio_api/file={stored}")).status_code == 200


# --- #22. active content ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("evil.html", b"<script>alert(1)</script>"),
        ("evil.svg", b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
        ("evil.js", b"alert(1)"),
        ("evil.xhtml", b"<html/>"),
        ("evil", b"<html><script>alert(1)</script>"),
    ],
)
async def test_active_content_is_an_attachment(served: Any, name: str, data: bytes) -> None:
    _, client = served
    [path] = await upload(client, (name, data))
    got = await client.get("/gradio_api/file=" + path)
    assert got.status_code == 200
    assert got.headers["content-disposition"].startswith("attachment")
    assert got.headers["content-type"] == "application/octet-stream"
    assert got.headers["x-content-type-options"] == "nosniff"
    assert "sandbox" in got.headers["content-security-policy"]


async def test_polyglot_png_is_not_sniffed(served: Any) -> None:
    _, client = served
    [path] = await upload(client, ("evil.png", b"\x89PNG\r\n\x1a\n<html><script>alert(1)</script>"))
    got = await client.get("/gradio_api/file=" + path)
    assert got.headers["content-type"] == "image/png"
    assert got.headers["x-content-type-options"] == "nosniff"
    assert "sandbox" in got.headers["content-security-policy"]


# --- #26-28. limits -----------------------------------------------------------------------


def _raw_upload_scope(headers: list[tuple[bytes, bytes]]) -> dict[str, Any]:
    return {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": "/gradio_api/upload",
        "raw_path": b"/gradio_api/upload",
        "query_string": b"",
        "root_path": "",
        "headers": [(b"host", b"127.0.0.1:7860"), *headers],
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 7860),
    }


async def _raw_post(
    app: Starlette, headers: list[tuple[bytes, bytes]], body: Iterator[bytes]
) -> tuple[int, int]:
    """POST an upload as raw ASGI; returns (status, body bytes the app pulled)."""
    pulled = 0
    status = 0

    async def receive() -> dict[str, Any]:
        nonlocal pulled
        chunk = next(body, None)
        if chunk is None:
            return {"type": "http.request", "body": b"", "more_body": False}
        pulled += len(chunk)
        return {"type": "http.request", "body": chunk, "more_body": True}

    async def send(message: dict[str, Any]) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]

    await app(_raw_upload_scope(headers), receive, send)
    return status, pulled


def _huge_file_body(boundary: bytes, total: int) -> Iterator[bytes]:
    yield (
        b"--" + boundary + b"\r\n"
        b'Content-Disposition: form-data; name="files"; filename="huge.bin"\r\n'
        b"Content-Type: application/octet-stream\r\n\r\n"
    )
    chunk = b"\0" * (256 * 1024)
    for _ in range(total // len(chunk)):
        yield chunk


async def test_huge_streamed_upload_stops_at_the_limit(dirs: Dirs) -> None:
    limit = 10 * 1000 * 1000
    settings = settings_for(dirs, max_file_size=limit)
    async with asgi_app_and_client(gr.Blocks(), settings) as (app, client):
        answered_during_upload = 0
        result: dict[str, Any] = {}

        async def big() -> None:
            headers = [(b"content-type", b"multipart/form-data; boundary=xyz")]
            status, pulled = await _raw_post(app, headers, _huge_file_body(b"xyz", 2 * 1024**3))
            result.update(status=status, pulled=pulled)

        async def probe() -> None:
            nonlocal answered_during_upload
            while "status" not in result:
                assert (await client.get("/config")).status_code == 200
                answered_during_upload += "status" not in result
                await anyio.sleep(0.01)  # paces the probe, so that it does not crowd the upload

        async with anyio.create_task_group() as tg:
            tg.start_soon(big)
            tg.start_soon(probe)
    assert result["status"] == 413
    assert result["pulled"] < limit + 2 * 1024 * 1024, "stopped soon after crossing the limit"
    assert answered_during_upload > 0, "other requests are served while an upload streams in"
    partial = dirs.cache / ".partial"
    assert not partial.exists() or list(partial.iterdir()) == []


async def test_content_length_over_the_limit_is_refused_unread(dirs: Dirs) -> None:
    settings = settings_for(dirs, max_file_size=10 * 1000 * 1000)
    async with asgi_app_and_client(gr.Blocks(), settings) as (app, _):
        headers = [
            (b"content-type", b"multipart/form-data; boundary=xyz"),
            (b"content-length", b"2147483648"),
        ]
        status, pulled = await _raw_post(app, headers, _huge_file_body(b"xyz", 10**6))
    assert (status, pulled) == (413, 0)


def _multipart(boundary: bytes, parts: Iterator[bytes]) -> Iterator[bytes]:
    for part in parts:
        yield b"--" + boundary + b"\r\n" + part + b"\r\n"
    yield b"--" + boundary + b"--\r\n"


def _many_fields(count: int) -> Iterator[bytes]:
    for _ in range(count):
        yield b'Content-Disposition: form-data; name="f"\r\n\r\n'


def _many_files(count: int) -> Iterator[bytes]:
    for i in range(count):
        yield (
            f'Content-Disposition: form-data; name="files"; filename="{i}.txt"\r\n\r\nx'
        ).encode()


def _big_field() -> Iterator[bytes]:
    yield b'Content-Disposition: form-data; name="f"\r\n\r\n' + b"x" * (50 * 1024 * 1024)


ABUSE: dict[str, tuple[bytes, Any]] = {
    "100k empty fields": (
        b"multipart/form-data; boundary=b",
        lambda: _multipart(b"b", _many_fields(100_000)),
    ),
    "10k tiny files": (
        b"multipart/form-data; boundary=b",
        lambda: _multipart(b"b", _many_files(10_000)),
    ),
    "50 MB field": (b"multipart/form-data; boundary=b", lambda: _multipart(b"b", _big_field())),
    "CRLF flood": (
        b"multipart/form-data; boundary=b",
        lambda: iter(
            [
                b"\r\n" * (5 * 1024 * 1024),
                *_multipart(b"b", _many_files(1)),
                b"\r\n" * (5 * 1024 * 1024),
            ]
        ),
    ),
    "100 KB boundary": (b"multipart/form-data; boundary=" + b"b" * 100_000, lambda: iter([b"x"])),
    "ReDoS content type": (
        b"multipart/form-data; boundary=a; a=" + b"\t" * 50_000,
        lambda: iter([b"x"]),
    ),
    "urlencoded 1M fields": (
        b"application/x-www-form-urlencoded",
        lambda: iter([b"a=1&" * 1_000_000]),
    ),
}


@pytest.mark.parametrize("case", list(ABUSE))
async def test_multipart_abuse_is_refused_quickly(dirs: Dirs, case: str) -> None:
    content_type, body = ABUSE[case]
    async with asgi_app_and_client(gr.Blocks(), settings_for(dirs)) as (app, _):
        # A hang guard, not a speed test: a parser that backtracks or buffers the whole
        # body takes minutes here, far past it.
        with anyio.fail_after(60):
            status, _ = await _raw_post(app, [(b"content-type", content_type)], body())
    assert status in (200, 400, 413, 415), status
    if case != "CRLF flood":
        assert status != 200


async def test_range_requests_seek_and_abuse_is_bounded(served: Any) -> None:
    _, client = served
    data = bytes(range(256)) * 3
    [path] = await upload(client, ("clip.wav", data))
    url = "/gradio_api/file=" + path
    part = await client.get(url, headers={"range": "bytes=10-19"})
    assert part.status_code == 206 and part.content == data[10:20]
    assert part.headers["content-range"] == f"bytes 10-19/{len(data)}"
    assert (await client.get(url, headers={"range": "bytes=5000-"})).status_code == 416
    many = ",".join(f"{i}-{i}" for i in range(10_000))
    with anyio.fail_after(60):  # a hang guard: 10,000 ranges must not mean 10,000 parts
        abuse = await client.get(url, headers={"range": f"bytes={many}"})
        overlapping = await client.get(url, headers={"range": "bytes=0-500,1-499,2-498"})
    assert abuse.status_code in (200, 400, 416)
    assert len(abuse.content) <= len(data)
    assert overlapping.status_code in (200, 206, 400, 416)


async def test_an_empty_file_answers_a_range_request_with_nothing(served: Any) -> None:
    _, client = served
    [path] = await upload(client, ("silence.wav", b""))
    answer = await client.get("/gradio_api/file=" + path, headers={"range": "bytes=0-"})
    assert (answer.status_code, answer.content) == (200, b"")
    assert answer.headers["x-content-type-options"] == "nosniff"
    assert answer.headers["content-disposition"].startswith("inline; filename*=utf-8''silence")


async def test_uploads_survive_a_restart_of_nothing(dirs: Dirs) -> None:
    """delete_cache removes this app's files when the server stops."""
    demo = gr.Blocks(delete_cache=(3600, 3600))
    async with asgi_app_and_client(demo, settings_for(dirs)) as (_, client):
        [path] = await upload(client, ("a.txt", b"mine"))
        assert os.path.exists(path)
    assert not os.path.exists(path)


async def test_refused_upload_closes_the_connection(served: Any, dirs: Dirs) -> None:
    """A client still sending a refused body is cut off rather than read to the end."""
    _, client = served
    got = await client.post("/gradio_api/upload", files=[("files", ("big.bin", b"x" * 5000))])
    assert got.status_code == 413 and "limit is 1000 bytes" in got.text
    assert got.headers["connection"] == "close"
    assert list((dirs.cache / ".partial").iterdir()) == []
