"""Files inside event payloads: inputs checked before preprocess, outputs stored and
served (docs/security.md #6, #7), and bad files answered with clear errors."""

from __future__ import annotations

import io
import socket
from pathlib import Path

import pytest

import limelight as gr
from limelight.server.services import ServerSettings
from limelight.testing import AsyncAppTester, EventRefused
from tests.support import asgi_client, completion, run_event

pytestmark = pytest.mark.anyio
np = pytest.importorskip("numpy")
PIL_Image = pytest.importorskip("PIL.Image")

FILE_META = {"_type": "gradio.FileData"}


def png_bytes(width: int = 4, height: int = 3) -> bytes:
    buffer = io.BytesIO()
    PIL_Image.new("RGB", (width, height), (200, 10, 10)).save(buffer, format="PNG")
    return buffer.getvalue()


def app() -> gr.Blocks:
    with gr.Blocks() as demo:
        image = gr.Image(type="numpy")
        shape = gr.Textbox()
        out_image = gr.Image()
        path_box = gr.Textbox()
        out_file = gr.File()
        upload = gr.File(file_types=[".txt"], type="binary")
        gr.Button().click(lambda a: str(a.shape), image, shape, api_name="shape")
        gr.Button().click(lambda a: 255 - a, image, out_image, api_name="invert")
        gr.Button().click(lambda p: p, path_box, out_file, api_name="give")
        gr.Button().click(lambda b: b.decode(), upload, shape, api_name="read")
    return demo


@pytest.fixture
def settings(tmp_path: Path) -> ServerSettings:
    return ServerSettings(cache_dir=str(tmp_path / "cache"))


def cache_files(settings: ServerSettings) -> set[Path]:
    root = Path(settings.cache_dir or "")
    return {p for p in root.rglob("*") if p.is_file()} if root.exists() else set()


async def test_uploaded_image_reaches_the_function_as_an_array(settings: ServerSettings) -> None:
    async with AsyncAppTester(app(), settings=settings) as page:
        payload = await page.upload(png_bytes(), "in.png")
        assert (await page.call("shape", payload)).data == ["(3, 4, 3)"]


async def test_array_output_is_stored_as_webp_and_served(settings: ServerSettings) -> None:
    async with AsyncAppTester(app(), settings=settings) as page:
        payload = await page.upload(png_bytes(), "in.png")
        [out] = (await page.call("invert", payload)).data
        assert out["orig_name"] == "image.webp" and out["meta"] == FILE_META
        assert out["url"] == f"http://127.0.0.1:7860/gradio_api/file={out['path']}"
        got = await page.client.get(f"/gradio_api/file={out['path']}")
    assert got.headers["content-type"] == "image/webp"
    pixel = PIL_Image.open(io.BytesIO(got.content)).getpixel((0, 0))
    assert all(abs(a - b) <= 3 for a, b in zip(pixel, (55, 245, 245))), "lossy webp, close"


@pytest.mark.parametrize("path", ["/etc/passwd", "../../../etc/passwd", "/etc/../etc/passwd"])
async def test_payload_paths_outside_the_store_are_refused(
    settings: ServerSettings, path: str
) -> None:
    """docs/security.md #6: a FileData path the client did not upload is never read or copied."""
    before = cache_files(settings)
    async with AsyncAppTester(app(), settings=settings) as page:
        done = await page.call("shape", {"path": path, "meta": FILE_META})
        assert done.error is not None and "File not allowed" in str(done.error.message)
        run = await page.client.post("/gradio_api/run/shape", json={"data": [{"path": path}]})
        assert run.status_code == 422 and "File not allowed" in run.text
    assert not any(b"root:" in p.read_bytes() for p in cache_files(settings) - before)


async def test_returned_paths_outside_allowed_places_are_refused(settings: ServerSettings) -> None:
    """docs/security.md #7: Textbox -> File with /etc/passwd gives an error, not a file URL."""
    async with AsyncAppTester(app(), settings=settings) as page:
        done = await page.call("give", "/etc/passwd")
    assert done.error is not None and "File not allowed" in str(done.error.message)
    assert "root:" not in str(done.messages)


async def test_returned_paths_in_the_working_dir_are_stored(
    settings: ServerSettings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "report.txt").write_text("ok")
    (tmp_path / ".env").write_text("SECRET=1")
    async with AsyncAppTester(app(), settings=settings) as page:
        [out] = (await page.call("give", "report.txt")).data
        assert Path(out["path"]).parent.parent == Path(settings.cache_dir or "").resolve()
        assert (await page.client.get(f"/file={out['path']}")).text == "ok"
        assert await page.download(out) == b"ok"
        hidden = await page.call("give", ".env")
    assert hidden.error is not None


REPOSITORY = Path(__file__).resolve().parents[2]


async def test_a_function_cannot_hand_out_the_apps_own_files(
    settings: ServerSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The attack: ``click(lambda p: p, gr.Textbox(), gr.File())`` given "app.py" handed
    out the app's source, as any file under the working or temp directory
    (docs/security.md #7). Run from this repository, whose files predate the event."""
    monkeypatch.chdir(REPOSITORY)
    async with asgi_client(app(), settings) as client:
        answers = [
            completion(await run_event(client, 2, [name]))
            for name in ("demos/hello_world.py", "pyproject.toml", str(REPOSITORY / "README.md"))
        ]
    for done in answers:
        assert done["success"] is False and "File not allowed" in done["output"]["error"]


async def test_files_the_event_wrote_and_media_samples_may_be_returned(
    settings: ServerSettings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tempfile

    monkeypatch.chdir(tmp_path)
    (tmp_path / "cat.png").write_bytes(png_bytes())
    (tmp_path / "notes.txt").write_text("private")

    def write_one(text: str) -> str:
        with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as out:
            out.write(text)
        return out.name

    with gr.Blocks() as demo:
        box, out = gr.Textbox(), gr.File()
        box.submit(lambda p: p, box, out)
        box.change(write_one, box, out)
    async with asgi_client(demo, settings) as client:
        written = completion(await run_event(client, 1, ["fresh"]))
        # Files older than the event: only the media sample may go out.
        monkeypatch.setattr("limelight.files.access.FRESH_SLACK", -3600.0)
        sample = completion(await run_event(client, 0, ["cat.png"]))
        notes = completion(await run_event(client, 0, ["notes.txt"]))
    assert written["success"] and sample["success"]
    assert notes["success"] is False


async def test_strict_file_access_returns_only_stored_and_allowed_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "shared").mkdir()
    (tmp_path / "shared" / "ok.txt").write_text("ok")
    (tmp_path / "cat.png").write_bytes(png_bytes())
    strict = ServerSettings(
        cache_dir=str(tmp_path / "cache"),
        allowed_paths=[str(tmp_path / "shared")],
        strict_file_access=True,
    )
    async with asgi_client(app(), strict) as client:
        allowed = completion(await run_event(client, 2, ["shared/ok.txt"]))
        fresh_media = completion(await run_event(client, 2, ["cat.png"]))
    assert allowed["success"] and fresh_media["success"] is False


async def test_a_returned_path_where_no_file_is_is_sent_as_a_link_as_in_gradio(
    settings: ServerSettings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    async with AsyncAppTester(app(), settings=settings) as page:
        with pytest.warns(UserWarning, match="names no file"):
            done = await page.call("give", "data/later.txt")
            hidden = await page.call("give", ".cache/later.txt")
        outside = await page.call("give", "/etc/nowhere.txt")
    [out] = done.data
    assert out["path"] == str(tmp_path.resolve() / "data" / "later.txt")
    assert out["url"].endswith(f"/gradio_api/file={out['path']}")
    assert hidden.error is not None and outside.error is not None


async def test_refused_file_type_and_corrupt_image_are_clear_errors(
    settings: ServerSettings,
) -> None:
    async with AsyncAppTester(app(), settings=settings) as page:
        wrong = (await page.call("read", await page.upload(b"a,b", "data.csv"))).error
        assert wrong is not None and "Invalid file type" in str(wrong.message)
        right = await page.upload(b"hi", "note.txt")
        assert (await page.call("read", right)).data == ["hi"]
        corrupt = await page.upload(b"\x89PNG\r\n\x1a\nnot really", "broken.png")
        broken = (await page.call("shape", corrupt)).error
        assert broken is not None and "Cannot read broken.png" in str(broken.message)
        assert (await page.client.get("/config")).status_code == 200


async def test_payloads_that_are_not_file_data_get_422(settings: ServerSettings) -> None:
    async with AsyncAppTester(app(), settings=settings) as page:
        with pytest.raises(EventRefused) as refused:
            await page.call("shape", "just text")
    assert refused.value.status_code == 422


async def test_server_stays_responsive_under_concurrent_bad_files(
    settings: ServerSettings,
) -> None:
    import anyio

    async with AsyncAppTester(app(), settings=settings) as page:
        corrupt = await page.upload(b"garbage", "broken.png")

        async def bad() -> None:
            done = await (await page.new_page()).call("shape", corrupt)
            assert done.error is not None

        async with anyio.create_task_group() as tg:
            for _ in range(20):
                tg.start_soon(bad)
            assert (await page.client.get("/config")).status_code == 200
        good = await page.upload(png_bytes(), "in.png")
        assert (await page.call("shape", good)).ok


def _listener() -> socket.socket:
    """A loopback socket that records any connection made to it (it is never accepted)."""
    sock = socket.create_server(("127.0.0.1", 0))
    sock.setblocking(False)
    return sock


def _was_contacted(sock: socket.socket) -> bool:
    try:
        sock.accept()[0].close()
    except BlockingIOError:
        return False
    return True


async def test_a_url_only_payload_is_refused_without_a_connection(
    settings: ServerSettings,
) -> None:
    """docs/security.md #12: a FileData with only a ``url`` (here a local port) fails the
    event and the server connects nowhere."""
    with _listener() as target:
        port = target.getsockname()[1]
        payload = {"url": f"http://127.0.0.1:{port}/x.txt", "meta": FILE_META}
        as_path = {"path": f"http://127.0.0.1:{port}/x.txt", "meta": FILE_META}
        async with asgi_client(app(), settings) as client:
            answers = [completion(await run_event(client, 3, [p])) for p in (payload, as_path)]
        assert [done["success"] for done in answers] == [False, False]
        assert not _was_contacted(target)


async def test_an_svg_output_that_links_out_is_stored_not_fetched(
    settings: ServerSettings, tmp_path: Path
) -> None:
    """docs/security.md #24: a function returning an SVG whose ``<image>`` points at an
    internal address: the server stores the bytes, never fetches the link, and serves the
    SVG as a download."""
    with _listener() as target:
        port = target.getsockname()[1]
        svg = tmp_path / "chart.svg"

        def draw() -> str:
            svg.write_text(
                '<svg xmlns="http://www.w3.org/2000/svg">'
                f'<image href="http://127.0.0.1:{port}/latest/meta-data"/></svg>'
            )
            return str(svg)

        with gr.Blocks() as demo:
            gr.Button().click(draw, None, gr.File())
        async with asgi_client(
            demo, ServerSettings(cache_dir=settings.cache_dir, allowed_paths=[str(tmp_path)])
        ) as client:
            done = completion(await run_event(client, 0, []))
            [out] = done["output"]["data"]
            served = await client.get(f"/gradio_api/file={out['path']}")
        assert served.headers["content-disposition"].startswith("attachment")
        assert not _was_contacted(target)


async def test_a_sample_from_gr_get_image_may_be_returned_long_after_it_was_made(
    settings: ServerSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    sample = gr.get_image("cat.jpg")  # made in the temp directory, before any event
    monkeypatch.setattr("limelight.files.access.FRESH_SLACK", -3600.0)  # as if long ago
    with gr.Blocks() as demo:
        gr.Button().click(lambda: sample, None, gr.Image())
    async with asgi_client(demo, settings) as client:
        done = completion(await run_event(client, 0, []))
    assert done["success"], done
