"""Files inside event payloads: inputs checked before preprocess, outputs stored and
served (docs/security.md #6, #7), and bad files answered with clear errors."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import limelight as gr
from limelight.server.services import ServerSettings
from limelight.testing import AsyncAppTester, EventRefused

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
