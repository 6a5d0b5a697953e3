"""Two instances of one app sharing a file store, as processes behind a load balancer
without sticky sessions do (docs/scaleout.md, "Files across processes"): a file uploaded
through one is read, served and used by the other, over a shared folder and over S3 (moto's
standalone server), where the second instance has no local copy, as on another host."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager
from pathlib import Path

import httpx
import pytest

import limelight as gr
from limelight.files.stores import FILE_STORE_ENV, WORKERS_ENV
from limelight.server.services import ServerSettings, Services
from limelight.server.streams import InMemoryEventStreams
from tests.s3_support import BUCKET, s3_endpoint
from tests.support import asgi_app_and_client, completion, run_event

pytestmark = pytest.mark.anyio
FILE_META = {"_type": "gradio.FileData"}


def app() -> gr.Blocks:
    with gr.Blocks(delete_cache=(3600, 3600)) as demo:
        given, text, made = gr.File(), gr.Textbox(), gr.File()
        gr.Button().click(lambda p: Path(p).read_text(), given, text, api_name="read")
        gr.Button().click(write, text, made, api_name="make")
    return demo


def write(text: str) -> str:
    path = Path(tempfile.mkdtemp()) / "made.txt"
    path.write_text(text)
    return str(path)


def moto_credentials(monkeypatch: pytest.MonkeyPatch) -> None:
    """What boto3 reads from the environment, as a deployment sets it (moto takes any)."""
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")


@pytest.fixture(params=["folder", "s3"])
def store(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """Where the instances keep files; each process of a deployment is told the same."""
    if request.param == "folder":
        monkeypatch.setenv(WORKERS_ENV, "2")
        return str(tmp_path / "shared")
    moto_credentials(monkeypatch)
    return f"s3://{BUCKET}/{tmp_path.name}?endpoint_url={s3_endpoint()}"


@asynccontextmanager
async def instance(store: str, cache: Path) -> AsyncIterator[httpx.AsyncClient]:
    settings = ServerSettings(cache_dir=str(cache), file_store=store)
    async with asgi_app_and_client(app(), settings) as (_, client):
        yield client


def forget_local_copies(store: str, cache: Path) -> None:
    """As on another host: the S3 store's local copies are not there."""
    if store.startswith("s3://"):
        shutil.rmtree(cache, ignore_errors=True)


async def test_a_file_uploaded_through_one_instance_is_served_and_used_by_another(
    store: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(FILE_STORE_ENV, raising=False)
    cache = tmp_path / "cache"
    async with AsyncExitStack() as stack:
        first = await stack.enter_async_context(instance(store, cache))
        second = await stack.enter_async_context(instance(store, cache))
        uploaded = await first.post(
            "/gradio_api/upload", files=[("files", ("notes.txt", b"0123456789"))]
        )
        path = uploaded.json()[0]
        forget_local_copies(store, cache)
        whole = await second.get(f"/gradio_api/file={path}")
        assert whole.status_code == 200 and whole.content == b"0123456789"
        part = await second.get(f"/gradio_api/file={path}", headers={"Range": "bytes=2-4"})
        assert part.status_code == 206 and part.content == b"234"
        payload = {"path": path, "orig_name": "notes.txt", "meta": FILE_META}
        read = completion(await run_event(second, 0, [payload]))
        assert read["output"]["data"] == ["0123456789"]
        made = completion(await run_event(second, 1, ["from the second"], "other"))
        made_path = made["output"]["data"][0]["path"]
    forget_local_copies(store, cache)
    async with instance(store, cache) as third:
        again = await third.get(f"/gradio_api/file={made_path}")
        assert again.status_code == 200 and again.content == b"from the second"
        # The instances that stopped (with delete_cache) left the shared files in place.
        assert (await third.get(f"/gradio_api/file={path}")).status_code == 200


async def test_a_remote_file_is_streamed_with_ranges_and_headers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    moto_credentials(monkeypatch)
    store = f"s3://{BUCKET}/{tmp_path.name}-ranges?endpoint_url={s3_endpoint()}"
    cache = tmp_path / "cache"
    async with instance(store, cache) as client:
        body = bytes(range(100))
        page = b"<html><script>alert(1)</script></html>"
        uploaded = await client.post(
            "/gradio_api/upload",
            files=[
                ("files", ("r.bin", body)),
                ("files", ("p.html", page)),
                ("files", ("e.txt", b"")),
            ],
        )
        path, html, empty = uploaded.json()
        shutil.rmtree(cache)
        url = f"/gradio_api/file={path}"
        cases: list[tuple[str, int, bytes]] = [
            ("bytes=90-", 206, body[90:]),
            ("bytes=-5", 206, body[-5:]),
            ("bytes=95-500", 206, body[95:]),
            ("bytes=0-1,5-6", 200, body),
        ]
        for asked, status, expected in cases:
            got = await client.get(url, headers={"Range": asked})
            assert (got.status_code, got.content) == (status, expected), asked
        beyond = await client.get(url, headers={"Range": "bytes=100-"})
        assert beyond.status_code == 416 and beyond.headers["content-range"] == "bytes */100"
        head = await client.head(url)
        assert head.status_code == 200 and head.headers["content-length"] == "100"
        served = await client.get(f"/gradio_api/file={html}")
        assert served.headers["content-disposition"].startswith("attachment")
        assert served.headers["x-content-type-options"] == "nosniff"
        nothing = await client.get(f"/gradio_api/file={empty}", headers={"Range": "bytes=0-"})
        assert (nothing.status_code, nothing.content) == (200, b"")
        missing = await client.get(url.replace("r.bin", "gone.bin"))
        assert missing.status_code == 403


def test_an_app_on_shared_event_streams_shares_its_file_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("LIMELIGHT_BACKEND", WORKERS_ENV, FILE_STORE_ENV):
        monkeypatch.delenv(name, raising=False)
    settings = ServerSettings(cache_dir=str(tmp_path))
    assert not Services(gr.Blocks(), settings).files.store.shared
    shared = Services(gr.Blocks(), settings, streams=InMemoryEventStreams())
    assert shared.files.store.shared, "a backend's streams: other processes serve the files"
